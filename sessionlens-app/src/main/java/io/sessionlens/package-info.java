/**
 * SessionLens: where did the chat go wrong? The application with its app shell and {@code Clock}; one package per
 * feature below it.
 */
@NullMarked
package io.sessionlens;

import org.jspecify.annotations.NullMarked;
