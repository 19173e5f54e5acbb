/**
 * Checks what each LLM call was given against the conversation so far (sliding windows, summaries, prompts).
 */
@NullMarked
package io.sessionlens.analysis.context;

import org.jspecify.annotations.NullMarked;
