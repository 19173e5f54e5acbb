/**
 * Chat messages out of a span's inputs and outputs, whatever format wrote them: one normaliser per chat format
 * (OpenAI, Anthropic, Bedrock Converse, Gemini, LangChain, OTel GenAI), the {@link io.sessionlens.trace.chat.ChatFormatDetector}
 * that picks one, and {@link io.sessionlens.trace.chat.SpanIo}, the one chat reader the analysis and the span page share.
 * Pure: Jackson, {@code trace.model} and {@code trace.json} only (ArchitectureTest). Why here: docs/decisions/012.
 */
@NullMarked
package io.sessionlens.trace.chat;

import org.jspecify.annotations.NullMarked;
