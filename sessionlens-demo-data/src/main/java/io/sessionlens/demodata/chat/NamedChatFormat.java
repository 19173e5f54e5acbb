package io.sessionlens.demodata.chat;

import org.jspecify.annotations.Nullable;

/** A provider's own format: its name in the ground truth and the {@code mlflow.message.format} its integration sets. */
abstract class NamedChatFormat implements ChatFormat {
    private final String label;
    private final @Nullable String messageFormat;

    NamedChatFormat(String label, @Nullable String messageFormat) {
        this.label = label;
        this.messageFormat = messageFormat;
    }

    @Override
    public final String label() {
        return label;
    }

    @Override
    public final @Nullable String messageFormat() {
        return messageFormat;
    }
}
