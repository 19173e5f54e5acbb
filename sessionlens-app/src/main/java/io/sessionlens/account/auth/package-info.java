/** Spring Security wiring: the Vaadin login for pages, HTTP Basic and Bearer tokens for the API, JSON 401/403. */
@NullMarked
package io.sessionlens.account.auth;

import org.jspecify.annotations.NullMarked;
