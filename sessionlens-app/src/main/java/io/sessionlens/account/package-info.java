/** Accounts: users with one role each, the first admin and the demo accounts, personal API tokens (decision records 021, 022). */
@NullMarked
package io.sessionlens.account;

import org.jspecify.annotations.NullMarked;
