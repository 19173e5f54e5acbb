/**
 * One class per chat payload convention (OpenAI chat, Responses, LangChain, Anthropic, Gemini, Bedrock Converse,
 * OTel GenAI, plain string, a question/answer dict, an empty wrapper). Shapes follow fixtures 12–17.
 */
@NullMarked
package io.sessionlens.demodata.chat;

import org.jspecify.annotations.NullMarked;
