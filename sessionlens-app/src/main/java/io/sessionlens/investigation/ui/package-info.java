/**
 * The investigations list and page, the pin dialog, and {@link InvestigationPins}: what the session and span pages offer
 * through {@code base.ui.EvidencePins}. Public API: {@link InvestigationNavigation}.
 */
@NullMarked
package io.sessionlens.investigation.ui;

import org.jspecify.annotations.NullMarked;
