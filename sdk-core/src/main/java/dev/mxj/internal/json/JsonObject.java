package dev.mxj.internal.json;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A small parsed JSON object: its keys and values in one array, in the order they came, looked up
 * by a linear scan. A sync holds hundreds of thousands of these (every event and its content), and
 * this takes about a quarter of a {@code LinkedHashMap}'s memory for the few fields they have.
 * Equal to (and with the same hash code as) any {@code Map} with the same entries. Read-only.
 */
final class JsonObject extends AbstractMap<String, Object> {
    /** Objects with more fields than this are parsed into a {@code LinkedHashMap} instead. */
    static final int MAX_FIELDS = 8;

    /** key0, value0, key1, value1, ... (keys distinct, in order). */
    private final Object[] fields;

    JsonObject(Object[] fields) {
        this.fields = fields;
    }

    @Override
    public int size() {
        return fields.length >> 1;
    }

    @Override
    public boolean isEmpty() {
        return fields.length == 0;
    }

    private int indexOf(Object key) {
        Object[] f = fields;
        for (int i = 0; i < f.length; i += 2) {
            if (f[i] == key) {
                return i;
            }
        }
        if (key != null) {
            for (int i = 0; i < f.length; i += 2) {
                if (key.equals(f[i])) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : fields[i + 1];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        Object[] f = fields;
        for (int i = 0; i < f.length; i += 2) {
            action.accept((String) f[i], f[i + 1]);
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < fields.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= fields.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Object> e = new SimpleImmutableEntry<>((String) fields[next], fields[next + 1]);
                        next += 2;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return fields.length >> 1;
            }
        };
    }
}
