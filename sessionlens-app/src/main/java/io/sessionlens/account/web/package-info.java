/** The users and tokens API. */
@NullMarked
package io.sessionlens.account.web;

import org.jspecify.annotations.NullMarked;
