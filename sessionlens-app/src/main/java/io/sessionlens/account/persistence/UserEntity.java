package io.sessionlens.account.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user: name, BCrypt hash, one role (stored by name), whether the demo set-up made it, whether it may sign in. */
@Entity
@Table(name = "app_user")
public class UserEntity {
    @Id String username;
    String passwordHash;
    String role;
    boolean demo;
    boolean enabled;
    Instant createdAt;

    protected UserEntity() {}

    public UserEntity(String username, String passwordHash, String role, boolean demo, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.demo = demo;
        this.enabled = true;
        this.createdAt = createdAt;
    }

    public String getUsername() { return username; }
    public String getPasswordHash() { return passwordHash; }
    public String getRole() { return role; }
    public boolean isDemo() { return demo; }
    public boolean isEnabled() { return enabled; }
    public Instant getCreatedAt() { return createdAt; }

    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public void setRole(String role) { this.role = role; }
    public void setDemo(boolean demo) { this.demo = demo; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
