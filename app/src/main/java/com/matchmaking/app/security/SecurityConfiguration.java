package com.matchmaking.app.security;

import com.matchmaking.app.MatchmakingProperties;
import com.matchmaking.app.account.Logins;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import java.util.Map;

/**
 * HTTP security: stateless, token-based, no sessions or cookies (so no CSRF surface), and no HTTP-level access rules.
 * Who may call which GraphQL operation is decided in one place, {@link AccessPolicy}, enforced per field.
 */
@Configuration(proxyBeanMethods = false)
@SuppressFBWarnings(value = "SPRING_CSRF_PROTECTION_DISABLED",
        justification = "No session and no cookie ever authenticates a request: a forged cross-site request carries no "
                + "credentials, because the bearer token lives in a header the browser never adds on its own.")
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, Logins logins) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .addFilterBefore(new BearerTokenFilter(logins), AnonymousAuthenticationFilter.class)
                .headers(headers -> headers.cacheControl(cache -> { }))
                .build();
    }

    /** Slow salted hashes (bcrypt), prefixed with their algorithm so stronger ones can take over later. */
    @Bean
    PasswordEncoder passwordEncoder(MatchmakingProperties properties) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(properties.auth().bcryptStrength());
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", bcrypt));
    }
}
