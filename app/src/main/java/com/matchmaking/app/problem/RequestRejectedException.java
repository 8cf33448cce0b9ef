package com.matchmaking.app.problem;

/**
 * A request the backend refuses, with the classification the client gets and a {@link Message} that names the
 * problem, resolved into the client's language when the answer is written ({@code GraphQlErrors}). Arguments must
 * never carry a personal value: name the field, not its content. {@link #getMessage()} is the English text, for
 * logs and tests.
 *
 * <p>There is deliberately no factory taking a plain string: a message without a key could not be translated.
 */
public class RequestRejectedException extends RuntimeException {

    private final Classification classification;
    private final Message problem;

    public RequestRejectedException(Classification classification, MessageKey key, Object... args) {
        this(classification, new Message(key, args));
    }

    public RequestRejectedException(Classification classification, Message problem) {
        super(Messages.english(problem), null, false, false);
        this.classification = classification;
        this.problem = problem;
    }

    public Classification classification() {
        return classification;
    }

    /** The key and arguments of the message, to resolve in the client's language. */
    public Message problem() {
        return problem;
    }

    public static RequestRejectedException badRequest(MessageKey key, Object... args) {
        return new RequestRejectedException(Classification.BAD_REQUEST, key, args);
    }

    public static RequestRejectedException conflict(MessageKey key, Object... args) {
        return new RequestRejectedException(Classification.CONFLICT, key, args);
    }

    public static RequestRejectedException notFound(MessageKey key, Object... args) {
        return new RequestRejectedException(Classification.NOT_FOUND, key, args);
    }

    public static RequestRejectedException forbidden(MessageKey key, Object... args) {
        return new RequestRejectedException(Classification.FORBIDDEN, key, args);
    }

    public static RequestRejectedException unauthorized(MessageKey key, Object... args) {
        return new RequestRejectedException(Classification.UNAUTHORIZED, key, args);
    }
}
