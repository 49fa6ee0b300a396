package dev.mxj.id;

import java.util.Objects;

/** A device ID. The spec leaves its form to the server; it must be non-empty. */
public record DeviceId(String value) {
    public DeviceId {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("A device ID cannot be empty.");
        }
    }

    public static DeviceId of(String value) {
        return new DeviceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
