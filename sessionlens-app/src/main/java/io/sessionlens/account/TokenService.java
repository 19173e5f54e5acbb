package io.sessionlens.account;

import io.sessionlens.account.AccountProblem.Kind;
import io.sessionlens.account.persistence.TokenEntity;
import io.sessionlens.account.persistence.TokenRepository;
import io.sessionlens.account.persistence.UserRepository;
import io.sessionlens.audit.AuditLog;
import io.sessionlens.base.security.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens ({@code Authorization: Bearer sl_…}): 32 random bytes, shown once when created, kept as their
 * SHA-256 (a random token needs no slow hash), revoked by deleting them. A token acts as its owner with the owner's
 * current role, and stops working when the owner is disabled or removed. Decision record 022.
 */
@Service
public class TokenService {
    public static final String PREFIX = "sl_";
    public static final int NAME_MAX = 200;
    /** How often the "last used" time is written at most, so a busy script does not write on every call. */
    static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenRepository tokens;
    private final UserRepository users;
    private final AuditLog audit;
    private final Clock clock;

    TokenService(TokenRepository tokens, UserRepository users, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CreatedToken create(String owner, @Nullable String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) throw new AccountProblem(Kind.INVALID, "give the token a name (what it is for)");
        if (n.length() > NAME_MAX)
            throw new AccountProblem(Kind.INVALID, "a token name has at most " + NAME_MAX + " characters");
        if (!users.existsById(owner)) throw new AccountProblem(Kind.NOT_FOUND, "there is no user " + owner);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        TokenEntity e = tokens.save(new TokenEntity(owner, n, sha256(token), clock.instant()));
        audit.record(AuditLog.TOKEN_CREATED, owner, "API token '" + n + "' of " + owner + " created", null,
                Map.of("id", e.getId(), "name", n));
        return new CreatedToken(e.getId(), n, token, e.getCreatedAt());
    }

    @Transactional(readOnly = true)
    public List<ApiToken> tokens(String owner) {
        return tokens.findByUsernameOrderByCreatedAtDesc(owner).stream()
                .map(t -> new ApiToken(t.getId(), t.getName(), t.getCreatedAt(), t.getLastUsedAt())).toList();
    }

    /** Revokes one of the owner's tokens; false when the owner has no token with that id. */
    @Transactional
    public boolean revoke(String owner, long id) {
        Optional<TokenEntity> t = tokens.findById(id).filter(e -> e.getUsername().equals(owner));
        t.ifPresent(e -> {
            tokens.delete(e);
            audit.record(AuditLog.TOKEN_REVOKED, owner, "API token '" + e.getName() + "' of " + owner + " revoked",
                    Map.of("id", e.getId(), "name", e.getName()), null);
        });
        return t.isPresent();
    }

    /** The owner a token signs in, if the token exists and its owner may sign in. */
    @Transactional
    public Optional<TokenOwner> authenticate(String token) {
        if (!token.startsWith(PREFIX)) return Optional.empty();
        return tokens.findByTokenHash(sha256(token)).flatMap(t -> users.findById(t.getUsername())
                .filter(u -> u.isEnabled()).map(u -> {
                    Instant now = clock.instant();
                    Instant last = t.getLastUsedAt();
                    if (last == null || last.plus(LAST_USED_GRANULARITY).isBefore(now)) t.setLastUsedAt(now);
                    return new TokenOwner(u.getUsername(), Role.valueOf(u.getRole()));
                }));
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);   // every JVM has SHA-256
        }
    }
}
