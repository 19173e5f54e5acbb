package io.sessionlens.trace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.demodata.ExpectedSession;
import io.sessionlens.importer.ImportService;
import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.DemoData;
import io.sessionlens.trace.SessionRef;
import io.sessionlens.trace.TraceService;
import io.sessionlens.trace.TurnRow;
import io.sessionlens.trace.chat.SpanIo;
import io.sessionlens.trace.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every model call in the demo sessions (OpenAI chat and Responses, LangChain, Anthropic, Gemini, Bedrock, OTel GenAI,
 * plain prompts, question/answer) gets a Chat tab on the span page: the page reads them as the session page does.
 */
class DemoChatTabTest extends AppTestBase {
    private static final Set<String> MODEL_TYPES = Set.of("LLM", "CHAT_MODEL");

    @Autowired ImportService imports;
    @Autowired TraceService traces;

    @Test
    void every_model_call_with_inputs_or_outputs_has_chat_lines() {
        List<ExpectedSession> sessions = DemoData.load(imports).corpus().sessions();
        List<String> without = new ArrayList<>();
        int modelCalls = 0;
        for (ExpectedSession s : sessions) {
            for (TurnRow turn : traces.turns(new SessionRef(s.experimentId(), s.sessionId()))) {
                for (Span span : traces.find(turn.traceId()).orElseThrow().spans()) {
                    if (!MODEL_TYPES.contains(span.spanType())) continue;
                    SpanIo io = SpanIo.of(span);
                    if (!io.hasInputs() && !io.hasOutputs()) continue;
                    modelCalls++;
                    if (ChatLines.of(span).isEmpty())
                        without.add(s.sessionId() + " turn " + turn.index() + " " + span.name());
                }
            }
        }
        assertThat(modelCalls).isGreaterThan(40);
        assertThat(without).as("model calls without a Chat tab").isEmpty();
    }
}
