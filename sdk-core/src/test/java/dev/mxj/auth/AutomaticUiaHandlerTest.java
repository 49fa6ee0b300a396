package dev.mxj.auth;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixException;
import dev.mxj.UnsupportedAuthStageException;
import dev.mxj.json.RawJson;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static dev.mxj.auth.AuthTestSupport.await;
import static dev.mxj.auth.AuthTestSupport.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The built-in handler's choices, on hand-made states. */
class AutomaticUiaHandlerTest {
    private static final AutomaticUiaHandler WITH_PASSWORD =
            UiaHandler.automatic().withPassword(UserIdentifier.user("alice"), "pw");

    private static UiaState state(List<List<String>> flows, List<String> completed) {
        return new UiaState(flows, completed, RawJson.emptyObject(), Optional.of("s"), Optional.empty(),
                Optional.empty(), 0);
    }

    @Test
    void takesTheFirstFlowItCanFinish() {
        UiaState state = state(List.of(List.of("m.login.recaptcha"), List.of("m.login.password"),
                List.of("m.login.dummy")), List.of());

        assertEquals(Optional.of("m.login.password"), await(WITH_PASSWORD.nextStage(state)).stage());
        assertEquals(Optional.of("m.login.dummy"), await(UiaHandler.automatic().nextStage(state)).stage());
    }

    @Test
    void continuesAfterTheCompletedStages() {
        UiaState state = state(List.of(List.of("m.login.dummy", "m.login.password")), List.of("m.login.dummy"));

        AuthData answer = await(WITH_PASSWORD.nextStage(state));

        assertEquals(AuthData.password(UserIdentifier.user("alice"), "pw"), answer);
    }

    @Test
    void skipsFlowsThatDoNotStartWithTheCompletedStages() {
        UiaState state = state(List.of(List.of("m.login.recaptcha", "m.login.dummy"),
                List.of("m.login.password", "m.login.recaptcha")), List.of("m.login.recaptcha"));

        assertEquals(Optional.of("m.login.dummy"), await(WITH_PASSWORD.nextStage(state)).stage());
    }

    @Test
    void namesEveryStageItCannotDo() {
        UiaState state = state(List.of(List.of("m.login.dummy", "m.login.terms"), List.of("m.login.msisdn")),
                List.of());

        UnsupportedAuthStageException e = failure(UiaHandler.automatic().nextStage(state),
                UnsupportedAuthStageException.class);

        assertEquals(List.of("m.login.terms", "m.login.msisdn"), e.unsupportedStages());
    }

    @Test
    void givesUpWithTheServersErrorOnTheSecondFailure() {
        MatrixApiException forbidden = new MatrixApiException(401, ErrorCode.FORBIDDEN, "Invalid password", null,
                false, "POST /x");
        List<List<String>> flows = List.of(List.of("m.login.password"));
        UiaState once = new UiaState(flows, List.of(), RawJson.emptyObject(), Optional.empty(),
                Optional.of("m.login.password"), Optional.of(forbidden), 1);
        UiaState twice = new UiaState(flows, List.of(), RawJson.emptyObject(), Optional.empty(),
                Optional.of("m.login.password"), Optional.of(forbidden), 2);

        assertEquals(Optional.of("m.login.password"), await(WITH_PASSWORD.nextStage(once)).stage());
        assertSame(forbidden, failure(WITH_PASSWORD.nextStage(twice), MatrixApiException.class));
    }

    @Test
    void aServerWithNothingLeftToDoIsReported() {
        UiaState state = state(List.of(List.of("m.login.dummy")), List.of("m.login.dummy"));

        failure(UiaHandler.automatic().nextStage(state), MatrixException.class);
    }

    @Test
    void fallbackUrlIsTheSpecsPath() {
        UiaState state = state(List.of(List.of("m.login.recaptcha")), List.of());

        assertEquals(Optional.of(URI.create(
                        "https://matrix.example.org/_matrix/client/v3/auth/m.login.recaptcha/fallback/web?session=s")),
                state.fallbackUrl(URI.create("https://matrix.example.org/"), "m.login.recaptcha"));
    }
}
