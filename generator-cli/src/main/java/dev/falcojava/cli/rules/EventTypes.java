package dev.falcojava.cli.rules;

import java.util.HashSet;
import java.util.Set;

/**
 * The syscall event types a condition can match, as Falco works them out to index its rules: a set of names, or
 * every type except a set of names ({@code complement}); every type is the complement of nothing.
 */
record EventTypes(boolean complement, Set<String> names) {

    static final EventTypes ALL = new EventTypes(true, Set.of());

    EventTypes {
        names = Set.copyOf(names);
    }

    static EventTypes only(Set<String> names) {
        return new EventTypes(false, names);
    }

    boolean all() {
        return complement && names.isEmpty();
    }

    EventTypes and(EventTypes other) {
        if (!complement && !other.complement) {
            return only(intersection(names, other.names));
        }
        if (!complement) {
            return only(difference(names, other.names));
        }
        if (!other.complement) {
            return only(difference(other.names, names));
        }
        return new EventTypes(true, union(names, other.names));
    }

    EventTypes or(EventTypes other) {
        if (!complement && !other.complement) {
            return only(union(names, other.names));
        }
        if (!complement) {
            return new EventTypes(true, difference(other.names, names));
        }
        if (!other.complement) {
            return new EventTypes(true, difference(names, other.names));
        }
        return new EventTypes(true, intersection(names, other.names));
    }

    /** What {@code not} makes of it; a condition that does not look at evt.type stays on every type. */
    EventTypes not() {
        return all() ? ALL : new EventTypes(!complement, names);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> result = new HashSet<>(a);
        result.addAll(b);
        return result;
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> result = new HashSet<>(a);
        result.retainAll(b);
        return result;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new HashSet<>(a);
        result.removeAll(b);
        return result;
    }
}
