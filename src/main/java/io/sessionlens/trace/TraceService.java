package io.sessionlens.trace;

import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.persistence.AssessmentRepository;
import io.sessionlens.trace.persistence.SpanRepository;
import io.sessionlens.trace.persistence.TraceEntity;
import io.sessionlens.trace.persistence.TraceMapping;
import io.sessionlens.trace.persistence.TraceRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only queries over stored traces; entities become model records before they leave. */
@Service
@Transactional(readOnly = true)
public class TraceService {
    private final TraceRepository traces;
    private final SpanRepository spans;
    private final AssessmentRepository assessments;

    TraceService(TraceRepository traces, SpanRepository spans, AssessmentRepository assessments) {
        this.traces = traces;
        this.spans = spans;
        this.assessments = assessments;
    }

    public Optional<Trace> find(String traceId) {
        return traces.findById(traceId).map(this::load);
    }

    /** The session's traces in request-time order, with spans and assessments. */
    public List<Trace> loadSession(SessionRef ref) {
        return traces.findByExperimentIdAndSessionKeyOrderByRequestTimeAscTraceIdAsc(ref.experimentId(), ref.sessionKey())
                .stream().map(this::load).toList();
    }

    public List<TurnRow> turns(SessionRef ref) {
        List<TraceEntity> rows = traces.findByExperimentIdAndSessionKeyOrderByRequestTimeAscTraceIdAsc(ref.experimentId(), ref.sessionKey());
        List<TurnRow> out = new ArrayList<>(rows.size());
        int i = 1;
        for (TraceEntity t : rows) out.add(TraceMapping.toTurnRow(i++, t));
        return out;
    }

    /** Experiments that hold the session key: a session id alone may be ambiguous across experiments. */
    public List<String> experimentsOfSession(String sessionKey) {
        return traces.findBySessionKeyOrderByRequestTimeAscTraceIdAsc(sessionKey).stream()
                .map(TraceEntity::getExperimentId).distinct().toList();
    }

    private Trace load(TraceEntity e) {
        return TraceMapping.toModel(e, spans.findTrace(e.getTraceId()),
                assessments.findTrace(e.getTraceId()).stream().map(TraceMapping::toModel).toList());
    }
}
