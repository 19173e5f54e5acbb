package io.sessionlens.annotation;

import io.sessionlens.base.ui.TimeFormat;
import io.sessionlens.session.TranscriptNotes;
import io.sessionlens.trace.SessionRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The session's annotations in its Markdown transcript: one bullet each (label, where, author and time, "edited") with
 * the note quoted under it, the session's under the root cause, each turn's (and its spans') at the end of the turn.
 */
@Component
class AnnotationTranscriptNotes implements TranscriptNotes {
    private final AnnotationService annotations;

    AnnotationTranscriptNotes(AnnotationService annotations) {
        this.annotations = annotations;
    }

    @Override
    public Map<Integer, String> of(SessionRef ref) {
        Map<Integer, StringBuilder> out = new LinkedHashMap<>();
        List<Annotation> all = annotations.listBySession(ref);
        for (Annotation a : all) {
            int key = a.target() == AnnotationTarget.SESSION ? 0 : a.turn() == null ? 0 : a.turn();
            StringBuilder md = out.computeIfAbsent(key, k -> new StringBuilder());
            md.append("- ");
            if (a.hasLabel())
                md.append("**").append(inline(a.labelName())).append("** = ")
                        .append(inline(a.labelValue())).append(' ');
            if (a.target() == AnnotationTarget.SPAN) md.append("on span ").append(inline(a.spanId())).append(' ');
            else if (key == 0 && a.target() == AnnotationTarget.TURN)
                md.append("on trace ").append(inline(a.traceId()))
                        .append(' ');
            md.append("_(").append(inline(a.author())).append(", ").append(TimeFormat.of(a.createdAt()));
            if (a.edited()) md.append(", edited by ").append(inline(a.editedBy()));
            md.append(")_\n");
            if (!a.note().isBlank())
                for (String line : a.note().strip().split("\\R", -1)) md.append("  > ").append(line).append('\n');
        }
        Map<Integer, String> done = new LinkedHashMap<>();
        out.forEach((k, v) -> done.put(k, v.toString()));
        return done;
    }

    private static String inline(@org.jspecify.annotations.Nullable String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ");
    }
}
