package io.sessionlens.account.web;

import io.sessionlens.account.AccountService;
import io.sessionlens.account.UserAccount;
import io.sessionlens.base.security.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The users admin API (admins only, enforced by the security configuration). */
@RestController
class UserController {
    private final AccountService accounts;

    UserController(AccountService accounts) {
        this.accounts = accounts;
    }

    record NewUser(@Nullable String username, @Nullable String password, @Nullable String role) {}

    record Change(@Nullable String role, @Nullable String password) {}

    record User(String username, String role, boolean demo, boolean enabled, String createdAt) {
        static User of(UserAccount u) {
            return new User(u.username(), u.role().label(), u.demo(), u.enabled(), u.createdAt().toString());
        }
    }

    @GetMapping("/api/users")
    List<User> list() {
        return accounts.users().stream().map(User::of).toList();
    }

    @PostMapping("/api/users")
    ResponseEntity<?> create(@RequestBody NewUser body) {
        Optional<Role> role = role(body.role());
        if (role.isEmpty()) return badRole(body.role());
        UserAccount u = accounts.create(String.valueOf(body.username()), String.valueOf(body.password()), role.get());
        return ResponseEntity.status(HttpStatus.CREATED).body(User.of(u));
    }

    @PatchMapping("/api/users/{username}")
    ResponseEntity<?> change(@PathVariable String username, @RequestBody Change body) {
        if (body.role() == null && body.password() == null)
            return ResponseEntity.badRequest().body(Map.of("error", "send a role, a password or both"));
        if (body.role() != null) {
            Optional<Role> role = role(body.role());
            if (role.isEmpty()) return badRole(body.role());
            accounts.changeRole(username, role.get());
        }
        if (body.password() != null) accounts.changePassword(username, body.password());
        return ResponseEntity.ok(User.of(accounts.user(username).orElseThrow()));
    }

    @DeleteMapping("/api/users/{username}")
    ResponseEntity<Void> remove(@PathVariable String username) {
        accounts.remove(username);
        return ResponseEntity.noContent().build();
    }

    private static Optional<Role> role(@Nullable String s) {
        return s == null ? Optional.empty() : Role.parse(s);
    }

    private static ResponseEntity<?> badRole(@Nullable String s) {
        return ResponseEntity.badRequest().body(Map.of("error", "role must be one of "
                + Arrays.stream(Role.values()).map(Role::label).toList() + " (was " + s + ")"));
    }
}
