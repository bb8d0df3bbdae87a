package dev.falcojava.sdk.abi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps the opaque handles given to the host (1, 2, ...) to Java objects. Lookups read a volatile array
 * without locking; registration and removal are rare and synchronized.
 */
final class HandleTable<T> {

    private volatile Object[] slots = new Object[4];

    synchronized long register(T value) {
        Object[] current = slots;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == null) {
                Object[] copy = current.clone();
                copy[i] = value;
                slots = copy;
                return i + 1L;
            }
        }
        Object[] copy = Arrays.copyOf(current, current.length * 2);
        copy[current.length] = value;
        slots = copy;
        return current.length + 1L;
    }

    synchronized T remove(long handle) {
        T value = find(handle);
        if (value != null) {
            Object[] copy = slots.clone();
            copy[(int) (handle - 1)] = null;
            slots = copy;
        }
        return value;
    }

    /** Removes and returns every registered object. */
    @SuppressWarnings("unchecked")
    synchronized List<T> drain() {
        List<T> all = new ArrayList<>();
        for (Object value : slots) {
            if (value != null) {
                all.add((T) value);
            }
        }
        slots = new Object[4];
        return all;
    }

    /** The number of registered objects. */
    int size() {
        int count = 0;
        for (Object value : slots) {
            if (value != null) {
                count++;
            }
        }
        return count;
    }

    /** The object of {@code handle}, or {@code null} when the handle is unknown. */
    @SuppressWarnings("unchecked")
    T find(long handle) {
        Object[] current = slots;
        return handle < 1 || handle > current.length ? null : (T) current[(int) (handle - 1)];
    }

    /** The object of {@code handle}; an unknown handle is a host error. */
    T get(long handle, String what) {
        T value = find(handle);
        if (value == null) {
            throw new IllegalArgumentException("unknown " + what + " handle " + handle);
        }
        return value;
    }
}
