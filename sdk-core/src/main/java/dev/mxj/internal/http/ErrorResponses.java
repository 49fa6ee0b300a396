package dev.mxj.internal.http;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.json.RawJson;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Turns an HTTP error response into a {@link MatrixApiException}, whatever the body holds. */
public final class ErrorResponses {
    static final int EXCERPT_CHARS = 200;

    private ErrorResponses() {
    }

    /**
     * @param status         HTTP status
     * @param body           the body text (possibly truncated), may be empty
     * @param retryAfterHeader the Retry-After header or null
     * @param endpoint       {@code METHOD /path}
     */
    public static MatrixApiException parse(int status, String body, String retryAfterHeader, String endpoint) {
        Duration headerDelay = parseRetryAfter(retryAfterHeader);
        RawJson json = tryParseObject(body);
        if (json == null || json.string("errcode").isEmpty()) {
            ErrorCode code = status == 429 ? ErrorCode.LIMIT_EXCEEDED
                    : status == 404 || status == 405 ? ErrorCode.UNRECOGNIZED : ErrorCode.UNKNOWN;
            String error = json != null ? json.string("error").orElse(excerpt(body)) : describeNonJson(body);
            return new MatrixApiException(status, code, error, headerDelay, false, endpoint, json);
        }
        ErrorCode code = ErrorCode.of(json.string("errcode").get());
        String error = json.string("error").orElse("");
        Duration delay = json.longValue("retry_after_ms").filter(ms -> ms >= 0).map(Duration::ofMillis).orElse(headerDelay);
        boolean softLogout = json.bool("soft_logout").orElse(false);
        return new MatrixApiException(status, code, error, delay, softLogout, endpoint, json);
    }

    private static RawJson tryParseObject(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            RawJson json = RawJson.parse(body);
            return json.isObject() ? json : null;
        } catch (IllegalArgumentException notJson) {
            return null;
        }
    }

    private static String describeNonJson(String body) {
        if (body == null || body.isBlank()) {
            return "empty body (not a Matrix error; a proxy or load balancer may have answered)";
        }
        return "non-JSON body (not a Matrix error; a proxy may have answered): " + excerpt(body);
    }

    /** The first characters of a body, tags dropped and white space folded, for messages. */
    static String excerpt(String body) {
        String text = body.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("<[^>]*>", " ")
                .replaceAll("\\s+", " ")
                .trim();
        return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "...";
    }

    /** Retry-After as delta-seconds or an HTTP date; null if absent or unreadable. */
    static Duration parseRetryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(Instant.now(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
