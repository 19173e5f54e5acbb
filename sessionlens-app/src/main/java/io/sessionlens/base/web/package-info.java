/** Web server settings every feature relies on. */
@NullMarked
package io.sessionlens.base.web;

import org.jspecify.annotations.NullMarked;
