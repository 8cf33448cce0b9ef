package com.matchmaking.app.hardening;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How deep, how large and how aliased one operation is once its fragments are expanded, measured on the parsed
 * document before graphql-java validates it (validation itself costs time on a hostile document).
 *
 * <p>Each fragment is measured once and reused wherever it is spread, so a document whose fragments spread each other
 * over and over is measured in time linear in its length, while the counts still grow as execution would; they stop
 * at {@link Long#MAX_VALUE}. A fragment that spreads itself counts as empty here: validation refuses it right after.
 * {@code __schema} and {@code __type} do not count: they answer only where introspection is on, and there
 * graphql-java's good-faith introspection check bounds them. {@code @skip} and {@code @include} are not evaluated,
 * so a skipped field still counts.
 *
 * @param depth      deepest field nesting; a top-level field alone is 1
 * @param complexity fields selected, each counting 1
 * @param aliases    aliased fields
 */
record OperationShape(long depth, long complexity, long aliases) {

    private static final OperationShape EMPTY = new OperationShape(0, 0, 0);
    private static final Set<String> INTROSPECTION_ROOTS = Set.of("__schema", "__type");

    static OperationShape of(OperationDefinition operation, Document document) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
            fragments.putIfAbsent(fragment.getName(), fragment);
        }
        return new Measurer(fragments).measure(operation.getSelectionSet());
    }

    private static final class Measurer {

        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, OperationShape> measuredFragments = new HashMap<>();
        private final Set<String> fragmentsBeingMeasured = new HashSet<>();

        Measurer(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        OperationShape measure(SelectionSet selectionSet) {
            if (selectionSet == null) {
                return EMPTY;
            }
            long depth = 0;
            long complexity = 0;
            long aliases = 0;
            for (Selection<?> selection : selectionSet.getSelections()) {
                OperationShape part;
                if (selection instanceof Field field) {
                    if (INTROSPECTION_ROOTS.contains(field.getName())) {
                        continue;
                    }
                    OperationShape below = measure(field.getSelectionSet());
                    part = new OperationShape(plus(below.depth, 1), plus(below.complexity, 1),
                            plus(below.aliases, field.getAlias() == null ? 0 : 1));
                } else if (selection instanceof InlineFragment inline) {
                    part = measure(inline.getSelectionSet());
                } else if (selection instanceof FragmentSpread spread) {
                    part = fragment(spread.getName());
                } else {
                    continue;
                }
                depth = Math.max(depth, part.depth);
                complexity = plus(complexity, part.complexity);
                aliases = plus(aliases, part.aliases);
            }
            return new OperationShape(depth, complexity, aliases);
        }

        private OperationShape fragment(String name) {
            OperationShape measured = measuredFragments.get(name);
            if (measured != null) {
                return measured;
            }
            FragmentDefinition definition = fragments.get(name);
            if (definition == null || !fragmentsBeingMeasured.add(name)) {
                return EMPTY;
            }
            OperationShape shape = measure(definition.getSelectionSet());
            fragmentsBeingMeasured.remove(name);
            measuredFragments.put(name, shape);
            return shape;
        }
    }

    private static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
