package dev.mxj;

import java.util.Objects;

/**
 * A Matrix {@code errcode}. A value class rather than an enum, so codes this version does not know
 * (and vendor codes) survive unchanged.
 */
public record ErrorCode(String value) {
    public static final ErrorCode FORBIDDEN = new ErrorCode("M_FORBIDDEN");
    public static final ErrorCode UNKNOWN_TOKEN = new ErrorCode("M_UNKNOWN_TOKEN");
    public static final ErrorCode MISSING_TOKEN = new ErrorCode("M_MISSING_TOKEN");
    public static final ErrorCode USER_LOCKED = new ErrorCode("M_USER_LOCKED");
    public static final ErrorCode USER_SUSPENDED = new ErrorCode("M_USER_SUSPENDED");
    public static final ErrorCode BAD_JSON = new ErrorCode("M_BAD_JSON");
    public static final ErrorCode NOT_JSON = new ErrorCode("M_NOT_JSON");
    public static final ErrorCode NOT_FOUND = new ErrorCode("M_NOT_FOUND");
    public static final ErrorCode LIMIT_EXCEEDED = new ErrorCode("M_LIMIT_EXCEEDED");
    public static final ErrorCode UNRECOGNIZED = new ErrorCode("M_UNRECOGNIZED");
    public static final ErrorCode UNKNOWN = new ErrorCode("M_UNKNOWN");
    public static final ErrorCode UNAUTHORIZED = new ErrorCode("M_UNAUTHORIZED");
    public static final ErrorCode USER_DEACTIVATED = new ErrorCode("M_USER_DEACTIVATED");
    public static final ErrorCode USER_IN_USE = new ErrorCode("M_USER_IN_USE");
    public static final ErrorCode INVALID_USERNAME = new ErrorCode("M_INVALID_USERNAME");
    public static final ErrorCode EXCLUSIVE = new ErrorCode("M_EXCLUSIVE");
    public static final ErrorCode GUEST_ACCESS_FORBIDDEN = new ErrorCode("M_GUEST_ACCESS_FORBIDDEN");
    public static final ErrorCode INVALID_PARAM = new ErrorCode("M_INVALID_PARAM");
    public static final ErrorCode MISSING_PARAM = new ErrorCode("M_MISSING_PARAM");
    public static final ErrorCode TOO_LARGE = new ErrorCode("M_TOO_LARGE");
    public static final ErrorCode UNSUPPORTED_ROOM_VERSION = new ErrorCode("M_UNSUPPORTED_ROOM_VERSION");
    public static final ErrorCode WEAK_PASSWORD = new ErrorCode("M_WEAK_PASSWORD");

    public ErrorCode {
        Objects.requireNonNull(value, "value");
    }

    public static ErrorCode of(String value) {
        return new ErrorCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
