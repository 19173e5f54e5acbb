package io.sessionlens.demodata.scenario;

import io.sessionlens.demodata.chat.ChatMessage;
import io.sessionlens.demodata.trace.IdSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Plays a script turn by turn: each turn sees the history of the ones before, and starts after a user pause. */
public final class SessionAssembler {
    private final IdSource ids;
    private final TurnAssembler turns;

    public SessionAssembler(IdSource ids) {
        this.ids = ids;
        this.turns = new TurnAssembler(ids);
    }

    public AssembledSession assemble(Script script, Instant baseTime) {
        Instant requestTime = baseTime.plus(script.startOffset()).plusMillis(ids.random().nextInt(60_000));
        String evalRunId = ids.hex(16);
        String systemPrompt = script.domain().systemPrompt();
        List<ChatMessage> history = new ArrayList<>();
        List<AssembledTurn> done = new ArrayList<>();
        for (int i = 0; i < script.turns().size(); i++) {
            ScriptTurn turn = script.turns().get(i);
            if (turn.systemPrompt() != null) systemPrompt = turn.systemPrompt();
            AssembledTurn t = turns.assemble(new TurnContext(script, i + 1, turn, history, systemPrompt,
                    requestTime.truncatedTo(ChronoUnit.MILLIS), evalRunId));
            done.add(t);
            history.add(t.userMessage());
            if (t.assistantMessage() != null) history.add(t.assistantMessage());
            requestTime = t.end().plus(pause(script.turnGap()));
        }
        return new AssembledSession(script, done);
    }

    /** Between a third of the gap and the whole gap: people read, think and type at different speeds. */
    private Duration pause(Duration gap) {
        long max = Math.max(3_000, gap.toMillis());
        return Duration.ofMillis(max / 3 + ids.random().nextLong(max - max / 3));
    }
}
