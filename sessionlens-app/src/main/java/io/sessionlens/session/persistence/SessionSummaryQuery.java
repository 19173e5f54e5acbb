package io.sessionlens.session.persistence;

import io.sessionlens.session.SessionFilter;
import io.sessionlens.session.SessionSummary;
import java.util.List;

/** Queries of the session index that Spring Data cannot derive: the summary line, the judge values seen. */
public interface SessionSummaryQuery {
    /** Counts by verdict and root-cause kind of the sessions the filter keeps, whatever its verdict: one query. */
    SessionSummary summarise(SessionFilter filter);

    /** The judge lists (session-level and per-turn) stored for the newest sessions, each distinct text once. */
    List<String> recentJudgeLists(int sessions);
}
