package io.sessionlens.demodata.scenario;

import tools.jackson.databind.node.ObjectNode;

/** A document chunk a retriever returned; its metadata may say it is outdated. */
public record RetrievedDoc(String id, String content, ObjectNode metadata, double score) {}
