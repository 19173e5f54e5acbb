package io.sessionlens.analysis.signal;

import io.sessionlens.analysis.ToolCall;
import java.util.List;

/** Whether a failed tool call was recovered within its turn: the same tool, called later, succeeded. */
public final class ToolRetries {
    private ToolRetries() {}

    /** @param index a failed call in {@code calls} (the turn's calls in order) */
    public static boolean retriedLater(List<ToolCall> calls, int index) {
        String name = calls.get(index).name();
        for (int k = index + 1; k < calls.size(); k++) {
            ToolCall later = calls.get(k);
            if (later.name().equals(name) && later.error() == null) return true;
        }
        return false;
    }
}
