package com.matchmaking.app.security;

import com.matchmaking.app.MatchmakingProperties;
import com.matchmaking.app.account.Logins;
import com.matchmaking.app.problem.Messages;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import com.matchmaking.app.tls.TlsProperties;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.Customizer;
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
    SecurityFilterChain securityFilterChain(HttpSecurity http, Logins logins, Messages messages, Environment environment, TlsProperties tls,
                                            ServerProperties server) throws Exception {
        if (environment.acceptsProfiles(Profiles.of("prod")) && tls.httpPort() > 0 && server.getPort() != null) {
            // In production the plain-HTTP port only sends clients to HTTPS.
            http.redirectToHttps(Customizer.withDefaults())
                    .portMapper(ports -> ports.http(tls.httpPort()).mapsTo(server.getPort()));
        }
        return http
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .addFilterBefore(new BearerTokenFilter(logins, messages), AnonymousAuthenticationFilter.class)
                // Spring Security's defaults stay on: HSTS on every HTTPS response, nosniff, frame denial.
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
