package io.sessionlens.demodata.chat;

/** Who speaks in a chat message, before a format spells it ({@code human}, {@code model}, {@code user} …). */
public enum Role {
    SYSTEM, USER, ASSISTANT, TOOL
}
