package io.sessionlens.account.web;

import io.sessionlens.account.ApiToken;
import io.sessionlens.account.CreatedToken;
import io.sessionlens.account.TokenService;
import io.sessionlens.base.security.CurrentUser;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own API tokens: list, create (the token is in this answer only), revoke. */
@RestController
class TokenController {
    private final TokenService tokens;

    TokenController(TokenService tokens) {
        this.tokens = tokens;
    }

    record NewToken(@Nullable String name) {}

    @GetMapping("/api/tokens")
    List<ApiToken> list() {
        return tokens.tokens(CurrentUser.actor());
    }

    @PostMapping("/api/tokens")
    ResponseEntity<CreatedToken> create(@RequestBody NewToken body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(tokens.create(CurrentUser.actor(), body.name()));
    }

    @DeleteMapping("/api/tokens/{id}")
    ResponseEntity<?> revoke(@PathVariable long id) {
        if (tokens.revoke(CurrentUser.actor(), id)) return ResponseEntity.noContent().build();
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "you have no token " + id));
    }
}
