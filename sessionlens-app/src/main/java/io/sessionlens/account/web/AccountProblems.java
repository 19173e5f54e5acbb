package io.sessionlens.account.web;

import io.sessionlens.account.AccountProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused users or tokens request as JSON {@code {error}}: 400 invalid, 404 unknown, 409 conflict (last admin …). */
@RestControllerAdvice(assignableTypes = {UserController.class, TokenController.class})
class AccountProblems {
    @ExceptionHandler(AccountProblem.class)
    ResponseEntity<Map<String, String>> refused(AccountProblem p) {
        HttpStatus status = switch (p.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return ResponseEntity.status(status).body(Map.of("error", String.valueOf(p.getMessage())));
    }
}
