package com.matchmaking.app.account;

import com.matchmaking.app.secrets.StartupSecret;
import com.matchmaking.keys.blindindex.BlindIndex;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns a login name (a member's email, a staff username) into the blind index it is found by. Members and staff
 * share one namespace, so no staff username can equal a member's email.
 */
@Component
@Order(3)
public class LoginNames implements StartupSecret {

    public static final String PURPOSE = "login";

    private final BlindIndex blindIndex;

    LoginNames(BlindIndex blindIndex) {
        this.blindIndex = blindIndex;
    }

    public static String normalise(String login) {
        return Normalizer.normalize(login.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Opens the lookup key at start-up, making it only on a first start: a new one matches no stored index. */
    @Override
    public void open(boolean firstStart) {
        blindIndex.open(PURPOSE, firstStart);
    }

    public String indexOf(String login) {
        return blindIndex.of(PURPOSE, normalise(login));
    }
}
