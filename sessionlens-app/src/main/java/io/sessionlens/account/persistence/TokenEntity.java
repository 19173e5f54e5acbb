package io.sessionlens.account.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A personal API token: its owner, a name the owner chose, and the SHA-256 of the token (the token itself is not kept). */
@Entity
@Table(name = "api_token")
public class TokenEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
    String username;
    String name;
    String tokenHash;
    Instant createdAt;
    @Nullable Instant lastUsedAt;

    protected TokenEntity() {}

    public TokenEntity(String username, String name, String tokenHash, Instant createdAt) {
        this.username = username;
        this.name = name;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getName() { return name; }
    public String getTokenHash() { return tokenHash; }
    public Instant getCreatedAt() { return createdAt; }
    public @Nullable Instant getLastUsedAt() { return lastUsedAt; }

    public void setLastUsedAt(Instant lastUsedAt) { this.lastUsedAt = lastUsedAt; }
}
