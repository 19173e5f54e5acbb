package io.sessionlens.demodata.scenario;

import io.sessionlens.demodata.chat.ChatFormat;
import io.sessionlens.demodata.dialect.Dialect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads like the conversation it describes: {@code .turn(user, assistant).docs(…).assess(…)}, turn after turn. */
public final class ScriptBuilder {
    private final String key;
    private final Domain domain;
    private final Dialect dialect;
    private final ChatFormat format;
    private String model;
    private @Nullable String sessionId;
    private String endUser = "anonymous";
    private int historyTurns;
    private Duration startOffset = Duration.ZERO;
    private Duration turnGap = Duration.ofMinutes(2);
    private final List<TurnDraft> turns = new ArrayList<>();
    private final List<AssessmentSpec> sessionAssessments = new ArrayList<>();
    private GroundTruth truth = GroundTruth.healthy();
    private String story = "";

    private ScriptBuilder(String key, Domain domain, Dialect dialect, ChatFormat format) {
        this.key = key;
        this.domain = domain;
        this.dialect = dialect;
        this.format = format;
        this.model = domain.model();
    }

    public static ScriptBuilder script(String key, Domain domain, Dialect dialect, ChatFormat format) {
        return new ScriptBuilder(key, domain, dialect, format);
    }

    public ScriptBuilder session(String id, String user) {
        this.sessionId = id;
        this.endUser = user;
        return this;
    }

    /** A trace sent without {@code mlflow.trace.session}: it forms a one-turn session of its own. */
    public ScriptBuilder noSession(String user) {
        this.sessionId = null;
        this.endUser = user;
        return this;
    }

    public ScriptBuilder model(String model) {
        this.model = model;
        return this;
    }

    /** The app sends only the last {@code turns} turns to the model (a sliding context window). */
    public ScriptBuilder historyTurns(int turns) {
        this.historyTurns = turns;
        return this;
    }

    public ScriptBuilder startsAfter(Duration offset) {
        this.startOffset = offset;
        return this;
    }

    public ScriptBuilder turnGap(Duration gap) {
        this.turnGap = gap;
        return this;
    }

    public ScriptBuilder turn(String user, String assistant) {
        turns.add(new TurnDraft(user, assistant, false));
        return this;
    }

    /** A turn exported while it was still running: no answer yet. */
    public ScriptBuilder turnInProgress(String user) {
        turns.add(new TurnDraft(user, "", false).inProgress());
        return this;
    }

    /** A turn whose tool raised: the exception reached the root and the user got no answer. */
    public ScriptBuilder turnFailing(String user) {
        turns.add(new TurnDraft(user, "", true));
        return this;
    }

    public ScriptBuilder docs(RetrievedDoc... docs) {
        current().docs.addAll(Arrays.asList(docs));
        return this;
    }

    public ScriptBuilder tools(ToolUse... tools) {
        current().tools.addAll(Arrays.asList(tools));
        return this;
    }

    public ScriptBuilder modelFailure(ModelFailure failure) {
        current().modelFailure = failure;
        return this;
    }

    /** A new system prompt was deployed before this turn and stays from here on. */
    public ScriptBuilder systemPrompt(String prompt) {
        current().systemPrompt = prompt;
        return this;
    }

    public ScriptBuilder assess(AssessmentSpec... specs) {
        current().assessments.addAll(Arrays.asList(specs));
        return this;
    }

    /** This turn was not scored by these default judges. */
    public ScriptBuilder withoutJudges(String... names) {
        current().withoutJudges.addAll(Arrays.asList(names));
        return this;
    }

    public ScriptBuilder sessionAssess(AssessmentSpec... specs) {
        sessionAssessments.addAll(Arrays.asList(specs));
        return this;
    }

    public ScriptBuilder truth(GroundTruth truth) {
        this.truth = truth;
        return this;
    }

    public ScriptBuilder story(String story) {
        this.story = story;
        return this;
    }

    public Script build() {
        List<ScriptTurn> built = turns.stream().map(TurnDraft::build).toList();
        return new Script(key, domain, dialect, format, model, sessionId, endUser, historyTurns, startOffset, turnGap,
                built, sessionAssessments, truth, story);
    }

    private TurnDraft current() {
        if (turns.isEmpty()) throw new IllegalStateException("start a turn first");
        return turns.getLast();
    }

    private static final class TurnDraft {
        final String user;
        final String assistant;
        final boolean expectsFailure;
        final List<RetrievedDoc> docs = new ArrayList<>();
        final List<ToolUse> tools = new ArrayList<>();
        @Nullable ModelFailure modelFailure;
        final List<AssessmentSpec> assessments = new ArrayList<>();
        final Set<String> withoutJudges = new LinkedHashSet<>();
        @Nullable String systemPrompt;
        boolean inProgress;

        TurnDraft(String user, String assistant, boolean expectsFailure) {
            this.user = user;
            this.assistant = assistant;
            this.expectsFailure = expectsFailure;
        }

        TurnDraft inProgress() {
            this.inProgress = true;
            return this;
        }

        ScriptTurn build() {
            ScriptTurn t = new ScriptTurn(user, assistant, docs, tools, modelFailure, assessments, withoutJudges,
                    systemPrompt, inProgress);
            if (expectsFailure != t.failsWithToolError()) {
                throw new IllegalStateException(
                        "turn '" + user + "': a failing turn needs a failing tool, and only it");
            }
            return t;
        }
    }
}
