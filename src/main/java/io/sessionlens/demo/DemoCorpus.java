package io.sessionlens.demo;

/** STUB — replaced by the demo branch. */
public record DemoCorpus(java.util.List<java.nio.file.Path> files) {}
