package dev.mxj;

import dev.mxj.json.RawJson;

import java.time.Duration;
import java.util.Optional;

/**
 * The homeserver answered with an error as the spec defines it: an HTTP status and a JSON body
 * with {@code errcode} and {@code error}. A body that is not JSON (an HTML page from a proxy) is
 * reported with {@link ErrorCode#UNKNOWN} and a short excerpt in {@link #error()}.
 */
public class MatrixApiException extends MatrixException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final ErrorCode errorCode;
    private final String error;
    private final transient Duration retryAfter;
    private final boolean softLogout;
    private final String endpoint;
    private final transient RawJson body;

    public MatrixApiException(int httpStatus, ErrorCode errorCode, String error, Duration retryAfter,
                              boolean softLogout, String endpoint) {
        this(httpStatus, errorCode, error, retryAfter, softLogout, endpoint, null);
    }

    public MatrixApiException(int httpStatus, ErrorCode errorCode, String error, Duration retryAfter,
                              boolean softLogout, String endpoint, RawJson body) {
        super(describe(httpStatus, errorCode, error, endpoint));
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.error = error == null ? "" : error;
        this.retryAfter = retryAfter;
        this.softLogout = softLogout;
        this.endpoint = endpoint;
        this.body = body;
    }

    private static String describe(int status, ErrorCode code, String error, String endpoint) {
        StringBuilder sb = new StringBuilder();
        sb.append(endpoint).append(" failed: HTTP ").append(status).append(' ').append(code.value());
        if (error != null && !error.isEmpty()) {
            sb.append(": ").append(error);
        }
        String hint = hint(status, code);
        if (!hint.isEmpty()) {
            sb.append(". ").append(hint);
        }
        return sb.toString();
    }

    private static String hint(int status, ErrorCode code) {
        return switch (code.value()) {
            case "M_LIMIT_EXCEEDED" -> "The server is rate limiting this client; wait and retry";
            case "M_UNKNOWN_TOKEN", "M_MISSING_TOKEN" -> "Log in again to get a valid access token";
            case "M_FORBIDDEN" -> "The server refused this for this user; check credentials or permissions";
            case "M_UNRECOGNIZED" -> "The server does not implement this endpoint";
            case "M_USER_IN_USE" -> "Pick another user name";
            default -> status >= 500 ? "The server failed; retry later" : "";
        };
    }

    /** The HTTP status code. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The Matrix {@code errcode}; unknown codes are kept as they came. */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The server's human-readable {@code error}, or an excerpt of a non-JSON body. */
    public String error() {
        return error;
    }

    /** How long the server asked us to wait ({@code retry_after_ms} or the Retry-After header). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** True when the server marked an {@code M_UNKNOWN_TOKEN} as a soft logout. */
    public boolean softLogout() {
        return softLogout;
    }

    /** The whole JSON error body, when it was JSON (UIA responses carry their flows in it). */
    public Optional<RawJson> body() {
        return Optional.ofNullable(body);
    }

    /** Method and path of the request, e.g. {@code POST /_matrix/client/v3/login} (no query). */
    public String endpoint() {
        return endpoint;
    }
}
