package com.matchmaking.app.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;

/**
 * Token buckets (Bucket4j) per client address and kind of request, in this node's memory: nothing is read or written
 * in the database before a request passes. Each node counts alone, so a client spread over N nodes gets up to N times
 * the limit; the per-name lockout in the database is what holds across nodes.
 */
@Component
class ClientRateLimits {

    enum Kind {
        LOGIN, REGISTRATION
    }

    /**
     * The operations that are limited, and the bucket each draws on: guesses at a password or a code on the login
     * bucket, requests that send a mail to an address the caller chose on the registration bucket.
     */
    static final Map<String, Kind> OPERATIONS = Map.of(
            "Mutation.login", Kind.LOGIN,
            "Mutation.confirmEmail", Kind.LOGIN,
            "Mutation.resetPassword", Kind.LOGIN,
            "Mutation.confirmEmailChange", Kind.LOGIN,
            "Mutation.registerMember", Kind.REGISTRATION,
            "Mutation.requestPasswordReset", Kind.REGISTRATION,
            "Mutation.updateMyProfile", Kind.REGISTRATION);

    /**
     * Whether this call of a limited operation draws on its bucket. A profile update sends a mail only when it asks
     * for a new email, so the rest of a member's updates are not counted.
     */
    static boolean draws(String operation, Map<String, Object> arguments) {
        if (!OPERATIONS.containsKey(operation)) {
            return false;
        }
        if (operation.equals("Mutation.updateMyProfile")) {
            return arguments.get("input") instanceof Map<?, ?> input && input.get("email") != null;
        }
        return true;
    }

    private record Key(String client, Kind kind) {
    }

    private final RateLimitProperties settings;
    private final Cache<Key, Bucket> buckets;

    ClientRateLimits(RateLimitProperties settings) {
        this.settings = settings;
        Duration longest = settings.login().period().compareTo(settings.registration().period()) > 0
                ? settings.login().period() : settings.registration().period();
        // A bucket left alone for a whole period is full again: forgetting it changes nothing.
        this.buckets = Caffeine.newBuilder().maximumSize(settings.maxClients()).expireAfterAccess(longest).build();
    }

    /** Takes one request from the client's bucket for the operation, or refuses it with BAD_REQUEST. */
    void check(String operation, String client) {
        Kind kind = OPERATIONS.get(operation);
        if (kind == null) {
            return;
        }
        Bucket bucket = buckets.get(new Key(client == null ? "unknown" : client, kind), key -> newBucket(key.kind()));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            throw RequestRejectedException.badRequest(MessageKey.RATE_LIMITED, seconds);
        }
    }

    private Bucket newBucket(Kind kind) {
        RateLimitProperties.Limit limit = kind == Kind.LOGIN ? settings.login() : settings.registration();
        return Bucket.builder()
                .addLimit(l -> l.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build();
    }
}
