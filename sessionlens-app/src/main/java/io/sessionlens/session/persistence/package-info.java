/** Internal to the session feature. */
@NullMarked
package io.sessionlens.session.persistence;

import org.jspecify.annotations.NullMarked;
