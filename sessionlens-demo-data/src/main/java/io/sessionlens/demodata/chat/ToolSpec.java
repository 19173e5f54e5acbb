package io.sessionlens.demodata.chat;

import io.sessionlens.demodata.trace.Json;
import tools.jackson.databind.node.ObjectNode;

/** A tool the model may call, with a JSON-schema for its arguments. */
public record ToolSpec(String name, String description, ObjectNode parameters) {

    /** OpenAI's tool definition, which MLflow also stores as {@code mlflow.chat.tools}. */
    public ObjectNode openAiDefinition() {
        ObjectNode fn = Json.obj();
        fn.put("name", name);
        fn.put("description", description);
        fn.set("parameters", parameters);
        ObjectNode tool = Json.obj();
        tool.put("type", "function");
        tool.set("function", fn);
        return tool;
    }
}
