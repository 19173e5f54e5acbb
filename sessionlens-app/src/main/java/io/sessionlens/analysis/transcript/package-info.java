/**
 * Rebuilds a turn's user and assistant text from its spans (which span, which key, an analyst's mapping); the chat
 * formats themselves are read by {@code trace.chat}.
 */
@NullMarked
package io.sessionlens.analysis.transcript;

import org.jspecify.annotations.NullMarked;
