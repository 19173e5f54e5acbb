/** Login, the profile page with API tokens, the users admin page. */
@NullMarked
package io.sessionlens.account.ui;

import org.jspecify.annotations.NullMarked;
