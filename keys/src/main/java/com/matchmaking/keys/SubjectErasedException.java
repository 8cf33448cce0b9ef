package com.matchmaking.keys;

import java.util.UUID;

/**
 * A write needed a key of a subject behind an erasure fence. After erasure no key can ever be created again for
 * the subject, so the write is refused.
 */
public class SubjectErasedException extends RuntimeException {

    private final UUID subjectId;

    public SubjectErasedException(UUID subjectId) {
        super("Subject " + subjectId + " has been erased; no personal data can be written for it");
        this.subjectId = subjectId;
    }

    public UUID subjectId() {
        return subjectId;
    }
}
