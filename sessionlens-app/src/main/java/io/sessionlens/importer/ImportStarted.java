package io.sessionlens.importer;

import java.util.List;

/** Published when an import begins, before its first trace is read; an {@link ImportFinished} always follows. */
public record ImportStarted(List<String> fileNames) {}
