package io.sessionlens.trace.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "span_record")
@IdClass(SpanEntity.Key.class)
public class SpanEntity {
    /** The trace's numeric key (V37), not MLflow's trace id: a new trace's spans go to the end of the indexes. */
    public record Key(long tracePk, String spanId) implements Serializable {}

    @Id
    @Column(name = "trace_pk") long tracePk;
    @Id
    @Column(name = "span_id", length = StoredLengths.SPAN_ID) String spanId;
    /** NULL also for a span on a parent cycle: the tree shows it as a root. */
    @Column(length = StoredLengths.SPAN_ID)
    @Nullable String parentSpanId;
    /** The parent the export named, for a span on a parent cycle (V4); the model and the export use it. */
    @Column(length = StoredLengths.SPAN_ID)
    @Nullable String cycleParentSpanId;
    int seq;
    @Column(length = StoredLengths.SPAN_NAME) String name;
    @Column(length = StoredLengths.SPAN_TYPE) String spanType;
    long startNs;
    @Nullable Long endNs;
    String status;
    @Nullable String statusMessage;
    boolean hasError;
    String attributesJson;
    String eventsJson;

    protected SpanEntity() {}

    public long tracePk() {
        return tracePk;
    }
}
