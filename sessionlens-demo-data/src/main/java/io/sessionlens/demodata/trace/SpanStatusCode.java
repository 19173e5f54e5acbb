package io.sessionlens.demodata.trace;

/** A span's status, before a dialect decides whether it reads {@code OK} or {@code STATUS_CODE_OK}. */
public enum SpanStatusCode {
    UNSET, OK, ERROR
}
