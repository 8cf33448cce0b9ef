package com.matchmaking.app.account;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class LoginController {

    private final Logins logins;

    LoginController(Logins logins) {
        this.logins = logins;
    }

    @MutationMapping
    Logins.Session login(@Argument String username, @Argument String password) {
        return logins.login(username, password);
    }
}
