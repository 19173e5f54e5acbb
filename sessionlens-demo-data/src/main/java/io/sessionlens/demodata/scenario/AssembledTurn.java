package io.sessionlens.demodata.scenario;

import io.sessionlens.demodata.chat.ChatMessage;
import io.sessionlens.demodata.trace.DemoTrace;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A turn once assembled, with what the next turn needs: the messages to add to the history and when it ended.
 *
 * @param assistantMessage null when the user got no answer (the turn failed or is still running)
 * @param hasErrorSpan any span of the trace has ERROR status
 */
public record AssembledTurn(
        int number,
        DemoTrace trace,
        ChatMessage userMessage,
        @Nullable ChatMessage assistantMessage,
        Instant end,
        boolean hasErrorSpan) {}
