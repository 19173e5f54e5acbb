package io.sessionlens.demodata.trace;

/** A trace's state; MLflow 2.x called it {@code status} but used the same three names. */
public enum DemoTraceState {
    OK, ERROR, IN_PROGRESS
}
