/** What every feature shares: the app shell and UI building blocks ({@code ui}), web server settings ({@code web}). */
@NullMarked
package io.sessionlens.base;

import org.jspecify.annotations.NullMarked;
