/** Internal: users and API tokens. */
@NullMarked
package io.sessionlens.account.persistence;

import org.jspecify.annotations.NullMarked;
