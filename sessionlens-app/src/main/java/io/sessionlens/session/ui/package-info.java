/**
 * The sessions list and the session page ({@link SessionView} lays out {@link TurnRail}, {@link TurnCard} and
 * {@link SessionPanel}; its editors take callbacks). Public API: {@link SessionNavigation}.
 */
@NullMarked
package io.sessionlens.session.ui;

import org.jspecify.annotations.NullMarked;
