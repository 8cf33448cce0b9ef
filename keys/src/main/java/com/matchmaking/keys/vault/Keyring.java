package com.matchmaking.keys.vault;

import com.google.crypto.tink.Aead;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one subject's keys look like at one moment: either erased, or per key group the live generation with its
 * unwrapped AEAD and the generations already destroyed. Immutable, so one instance can be shared by the cache and
 * every thread reading it.
 */
final class Keyring {

    static final Keyring ERASED = new Keyring(true, Map.of());
    static final Keyring EMPTY = new Keyring(false, Map.of());

    private final boolean erased;
    private final Map<String, Group> groups;

    private Keyring(boolean erased, Map<String, Group> groups) {
        this.erased = erased;
        this.groups = groups;
    }

    /** The live key of one group, and the generations of it destroyed before. */
    record Group(int liveGeneration, Aead live, Set<Integer> destroyed) {
    }

    /** What a ciphertext under one group and generation meets. */
    enum Lookup { LIVE, SHREDDED, UNKNOWN }

    boolean erased() {
        return erased;
    }

    Group group(String name) {
        return groups.get(name);
    }

    boolean hasLiveKey(String group) {
        Group g = groups.get(group);
        return g != null && g.live() != null;
    }

    Lookup lookup(String group, int generation) {
        if (erased) {
            return Lookup.SHREDDED;
        }
        Group g = groups.get(group);
        if (g == null) {
            return Lookup.UNKNOWN;
        }
        if (g.live() != null && g.liveGeneration() == generation) {
            return Lookup.LIVE;
        }
        return g.destroyed().contains(generation) ? Lookup.SHREDDED : Lookup.UNKNOWN;
    }

    /** Collects rows of {@code subject_key} into a keyring. */
    static final class Builder {
        private final Map<String, Integer> liveGeneration = new HashMap<>();
        private final Map<String, Aead> live = new HashMap<>();
        private final Map<String, Set<Integer>> destroyed = new HashMap<>();
        private boolean erased;

        Builder erased() {
            this.erased = true;
            return this;
        }

        Builder live(String group, int generation, Aead aead) {
            liveGeneration.put(group, generation);
            live.put(group, aead);
            return this;
        }

        Builder destroyed(String group, int generation) {
            destroyed.computeIfAbsent(group, g -> new HashSet<>()).add(generation);
            return this;
        }

        Keyring build() {
            if (erased) {
                return ERASED;
            }
            Set<String> names = new HashSet<>(live.keySet());
            names.addAll(destroyed.keySet());
            Map<String, Group> groups = new HashMap<>();
            for (String name : names) {
                groups.put(name, new Group(liveGeneration.getOrDefault(name, 0), live.get(name),
                        Set.copyOf(destroyed.getOrDefault(name, Set.of()))));
            }
            return groups.isEmpty() ? EMPTY : new Keyring(false, Map.copyOf(groups));
        }
    }
}
