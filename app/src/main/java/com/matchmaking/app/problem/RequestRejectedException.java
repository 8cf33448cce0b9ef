package com.matchmaking.app.problem;

/**
 * A request the backend refuses, with the classification the client gets and a message that names the problem.
 * Messages are written for the client and must never carry a personal value: name the field, not its content.
 */
public class RequestRejectedException extends RuntimeException {

    private final Classification classification;

    public RequestRejectedException(Classification classification, String message) {
        super(message, null, false, false);
        this.classification = classification;
    }

    public Classification classification() {
        return classification;
    }

    public static RequestRejectedException badRequest(String message) {
        return new RequestRejectedException(Classification.BAD_REQUEST, message);
    }

    public static RequestRejectedException conflict(String message) {
        return new RequestRejectedException(Classification.CONFLICT, message);
    }

    public static RequestRejectedException notFound(String message) {
        return new RequestRejectedException(Classification.NOT_FOUND, message);
    }

    public static RequestRejectedException forbidden(String message) {
        return new RequestRejectedException(Classification.FORBIDDEN, message);
    }

    public static RequestRejectedException unauthorized(String message) {
        return new RequestRejectedException(Classification.UNAUTHORIZED, message);
    }
}
