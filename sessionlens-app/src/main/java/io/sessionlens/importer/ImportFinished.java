package io.sessionlens.importer;

import java.util.List;

/** Published when an import has stored what it could and its sessions are indexed; also when it failed. */
public record ImportFinished(List<String> fileNames) {}
