/** Who is signed in and what their role lets them do: the one helper views and services ask (decision record 021). */
@NullMarked
package io.sessionlens.base.security;

import org.jspecify.annotations.NullMarked;
