package com.matchmaking.app.problem;

import org.springframework.context.MessageSourceResolvable;

import java.util.Arrays;
import java.util.List;

/**
 * A message for a person, as a key of the bundles and its arguments, resolved into their language only where the
 * answer is written. Arguments are field names, limits, statuses and ids, never a personal value. An argument that
 * is itself a {@code Message} is resolved in the same language; a {@link List} of them is joined with "; ".
 */
public record Message(MessageKey key, Object... args) implements MessageSourceResolvable {

    public Message {
        args = args == null ? new Object[0] : args.clone();
    }

    @Override
    public String[] getCodes() {
        return new String[]{key.code()};
    }

    @Override
    public Object[] getArguments() {
        return args.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Message m && m.key == key && Arrays.equals(m.args, args);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return key.code() + Arrays.toString(args);
    }
}
