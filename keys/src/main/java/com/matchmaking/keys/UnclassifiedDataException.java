package com.matchmaking.keys;

/**
 * A class handed to the crypto-shredding serializer has a property that is neither {@link PersonalData},
 * {@link NotPersonal}, {@link DataSubjectId} nor a record of classified properties, or its annotations
 * contradict each other. Thrown before anything is stored.
 */
public class UnclassifiedDataException extends RuntimeException {

    public UnclassifiedDataException(String message) {
        super(message);
    }
}
