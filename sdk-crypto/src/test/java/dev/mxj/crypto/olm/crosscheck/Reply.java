package dev.mxj.crypto.olm.crosscheck;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/** One answer from a {@link PythonPeer}, with typed getters that fail loudly on a missing field. */
record Reply(Map<String, Object> fields) {

    boolean ok() {
        return Boolean.TRUE.equals(fields.get("ok"));
    }

    /** The peer's error, {@code "<ExceptionType>: <message>"}, for a refusal. */
    String error() {
        Object error = fields.get("error");
        return error == null ? "(no error given)" : error.toString();
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    /** The handle of the object the operation created. */
    String handle() {
        return str("h");
    }

    String str(String name) {
        return (String) field(name);
    }

    long num(String name) {
        return ((Number) field(name)).longValue();
    }

    int integer(String name) {
        return Math.toIntExact(num(name));
    }

    boolean bool(String name) {
        return (Boolean) field(name);
    }

    /** A base64 field, decoded. */
    byte[] bytes(String name) {
        return Base64.getDecoder().decode(str(name));
    }

    @SuppressWarnings("unchecked")
    List<String> strings(String name) {
        return (List<String>) field(name);
    }

    int[] ints(String name) {
        @SuppressWarnings("unchecked")
        List<Number> numbers = (List<Number>) field(name);
        return numbers.stream().mapToInt(Number::intValue).toArray();
    }

    private Object field(String name) {
        Object value = fields.get(name);
        if (value == null) {
            throw new AssertionError("the peer's answer has no " + name + ": " + fields);
        }
        return value;
    }
}
