/** Sessions: the index kept current on import, search, and the session document. */
@NullMarked
package io.sessionlens.session;

import org.jspecify.annotations.NullMarked;
