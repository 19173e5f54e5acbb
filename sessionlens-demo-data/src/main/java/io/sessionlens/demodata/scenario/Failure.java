package io.sessionlens.demodata.scenario;

/**
 * An exception as MLflow records it: {@code exception.type} is the class's simple name, the status message is
 * {@code "<type>: <message>"}, and the stack trace is Python's.
 */
public record Failure(String exceptionType, String message, String stackTrace) {
    public String statusMessage() {
        return exceptionType + ": " + message;
    }
}
