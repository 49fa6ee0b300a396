package dev.mxj.testkit;

import java.util.Optional;

/**
 * Thrown when a {@link JsPeer} command fails: the peer answered with an error, did not answer in
 * time, or its process died. The message names the peer and the command, says what went wrong and
 * ends with the last lines the peer logged.
 */
public class JsPeerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The peer's error kinds, as {@link #kind()} returns them. */
    public static final String BAD_REQUEST = "bad_request";
    /** The command does not fit the peer's state, such as {@code send} before {@code login}. */
    public static final String STATE = "state";
    /** The peer, or the driver waiting for it, gave up waiting. */
    public static final String TIMEOUT = "timeout";
    /** The homeserver refused; see {@link #errcode()}. */
    public static final String MATRIX = "matrix";
    /** Anything else, including a dead peer process. */
    public static final String FAILED = "failed";

    private final String kind;
    private final String errcode;

    /**
     * @param kind one of the constants in this class
     * @param errcode the Matrix error code for {@link #MATRIX}, else null
     * @param message the whole message
     */
    JsPeerException(String kind, String errcode, String message) {
        super(message);
        this.kind = kind;
        this.errcode = errcode;
    }

    /**
     * @param message what failed and what to do
     * @param cause the underlying error
     */
    JsPeerException(String message, Throwable cause) {
        super(message, cause);
        this.kind = FAILED;
        this.errcode = null;
    }

    /** @return what kind of failure: {@link #BAD_REQUEST}, {@link #STATE}, {@link #TIMEOUT}, {@link #MATRIX} or {@link #FAILED} */
    public String kind() {
        return kind;
    }

    /** @return the homeserver's error code, such as {@code M_FORBIDDEN}, for {@link #MATRIX} errors */
    public Optional<String> errcode() {
        return Optional.ofNullable(errcode);
    }
}
