package io.sessionlens.account;

import io.sessionlens.account.persistence.UserRepository;
import io.sessionlens.base.security.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The users table for Spring Security's login and HTTP Basic: the role and every role below it as authorities. */
@Service
class AccountUserDetails implements UserDetailsService {
    private final UserRepository users;

    AccountUserDetails(UserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findById(username).map(u -> User.withUsername(u.getUsername()).password(u.getPasswordHash())
                .disabled(!u.isEnabled())
                .authorities(Role.valueOf(u.getRole()).included().stream()
                        .map(r -> new SimpleGrantedAuthority(r.authority())).toList())
                .build()).orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }
}
