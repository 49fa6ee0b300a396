package dev.mxj.auth;

import java.util.concurrent.CompletableFuture;

/**
 * Answers the stages of User-Interactive Authentication (UIA), which registration, device
 * deletion, cross-signing key upload and account deactivation use. mxj sends the request, and
 * each time the server answers 401 with the flows it accepts, calls {@link #nextStage} and sends
 * the request again with the answer, until the server accepts or fails it.
 *
 * <p>Most programs use {@link #automatic()}, which completes {@code m.login.dummy},
 * {@code m.login.password} and {@code m.login.registration_token} stages from what it was given.
 * An interactive app implements this interface to ask the user (for a password, or to complete
 * a stage in a browser on {@link UiaState#fallbackUrl}).
 *
 * <p>To stop the process, fail the returned future, e.g. with
 * {@link dev.mxj.UiaCancelledException}: the operation then fails with that error.
 */
@FunctionalInterface
public interface UiaHandler {

    /**
     * Chooses the next stage and answers it. Called on an mxj thread: do not block; return a
     * future that completes when the user has answered.
     *
     * @param state the flows, the completed stages and the previous attempt's error
     * @return the answer; a failed future cancels the process with its error
     */
    CompletableFuture<AuthData> nextStage(UiaState state);

    /**
     * A handler that needs no user: it picks the first flow whose remaining stages it can all
     * complete. Out of the box it completes {@code m.login.dummy}; give it a password or a
     * registration token with {@link AutomaticUiaHandler#withPassword} and
     * {@link AutomaticUiaHandler#withRegistrationToken} for flows that ask for them.
     */
    static AutomaticUiaHandler automatic() {
        return AutomaticUiaHandler.DUMMY_ONLY;
    }
}
