package io.sessionlens.demodata.scenario;

import io.sessionlens.demodata.chat.ToolSpec;
import java.util.List;

/**
 * One demo application: where its traces go and how it names things.
 *
 * @param appName the root span's name (also {@code mlflow.traceName})
 * @param agentName the AGENT child's name when the root is an empty wrapper
 * @param sourceName {@code mlflow.source.name}: the script that produced the traces
 * @param serviceUser {@code mlflow.user}: the account the app runs as (not the chat user)
 * @param docContentKey retrieved documents carry their text under {@code page_content} (LangChain
 *     Document) or {@code content}
 */
public record Domain(
        String experimentId,
        String appName,
        String agentName,
        String sourceName,
        String serviceUser,
        String model,
        String systemPrompt,
        String retrieverName,
        String docContentKey,
        List<ToolSpec> tools) {

    public Domain {
        tools = List.copyOf(tools);
    }

    public boolean usesTools() {
        return !tools.isEmpty();
    }
}
