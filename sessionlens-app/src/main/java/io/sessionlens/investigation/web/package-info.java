/** The investigations' JSON API, exports and the read-only share page. */
@NullMarked
package io.sessionlens.investigation.web;

import org.jspecify.annotations.NullMarked;
