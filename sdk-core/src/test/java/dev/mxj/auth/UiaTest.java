package dev.mxj.auth;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixClient;
import dev.mxj.MatrixException;
import dev.mxj.UiaCancelledException;
import dev.mxj.UnsupportedAuthStageException;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.testing.MockHomeserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.mxj.auth.AuthTestSupport.assertJson;
import static dev.mxj.auth.AuthTestSupport.await;
import static dev.mxj.auth.AuthTestSupport.body;
import static dev.mxj.auth.AuthTestSupport.failure;
import static dev.mxj.auth.AuthTestSupport.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The UIA mechanism, driven through {@code POST /register}. */
class UiaTest {
    private static final String DUMMY_THEN_PASSWORD = "{\"flows\":[{\"stages\":[\"m.login.dummy\",\"m.login.password\"]}],"
            + "\"session\":\"sess1\"";
    private static final RegistrationRequest REQUEST = RegistrationRequest.of("cheeky_monkey", "ilovebananas");

    private final MockHomeserver server = MockHomeserver.start();
    private final MatrixClient client = server.client();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void multiStageFlowDummyThenPasswordEchoesTheSession() {
        server.json(401, DUMMY_THEN_PASSWORD + "}")
                .json(401, DUMMY_THEN_PASSWORD + ",\"completed\":[\"m.login.dummy\"]}")
                .ok(spec("register-response.json"));
        UiaHandler uia = UiaHandler.automatic().withPassword(UserId.of("@admin:example.org"), "adminpw");

        RegistrationResult result = await(client.auth().register(REQUEST, uia));

        assertEquals(UserId.of("@cheeky_monkey:matrix.org"), result.userId());
        RawJson first = body(server.take());
        assertFalse(first.has("auth"));
        assertEquals(Optional.of("cheeky_monkey"), first.string("username"));
        RawJson second = body(server.take());
        assertJson("{\"type\":\"m.login.dummy\",\"session\":\"sess1\"}", second.object("auth").orElseThrow());
        assertEquals(Optional.of("cheeky_monkey"), second.string("username"));
        assertJson("{\"type\":\"m.login.password\",\"identifier\":{\"type\":\"m.id.user\",\"user\":\"@admin:example.org\"},"
                + "\"password\":\"adminpw\",\"session\":\"sess1\"}", body(server.take()).object("auth").orElseThrow());
    }

    @Test
    void theHandlerSeesTheErrorBetweenStagesAndMayRetry() {
        server.json(401, DUMMY_THEN_PASSWORD + ",\"completed\":[\"m.login.dummy\"]}")
                .json(401, DUMMY_THEN_PASSWORD + ",\"completed\":[\"m.login.dummy\"],"
                        + "\"errcode\":\"M_FORBIDDEN\",\"error\":\"Invalid password\"}")
                .ok(spec("register-response.json"));
        Scripted uia = new Scripted(AuthData.password(UserIdentifier.user("admin"), "wrong"),
                AuthData.password(UserIdentifier.user("admin"), "right"));

        await(client.auth().register(REQUEST, uia));

        UiaState first = uia.states.get(0);
        assertEquals(List.of(List.of("m.login.dummy", "m.login.password")), first.flows());
        assertEquals(List.of("m.login.dummy"), first.completed());
        assertEquals(Optional.of("sess1"), first.session());
        assertEquals(Optional.empty(), first.previousError());
        UiaState second = uia.states.get(1);
        assertEquals(Optional.of("m.login.password"), second.previousStage());
        assertEquals(ErrorCode.FORBIDDEN, second.previousError().orElseThrow().errorCode());
        assertEquals("Invalid password", second.previousError().orElseThrow().error());
        assertEquals(1, second.consecutiveFailures());
    }

    @Test
    void theSpecExamplesParseIntoTheState() {
        server.json(401, spec("uia-401-initial.json"))
                .json(401, spec("uia-401-completed.json"))
                .json(401, spec("uia-401-error.json"))
                .ok(spec("register-response.json"));
        Scripted uia = new Scripted(new AuthData.OutOfBand(), new AuthData.OutOfBand(), new AuthData.OutOfBand());

        await(client.auth().register(REQUEST, uia));

        UiaState initial = uia.states.get(0);
        assertEquals(List.of(List.of("example.type.foo", "example.type.bar"),
                List.of("example.type.foo", "example.type.baz")), initial.flows());
        assertEquals(Optional.of("foobar"), initial.params("example.type.baz").orElseThrow().string("example_key"));
        assertEquals(List.of("example.type.foo", "example.type.bar"), initial.remainingStages(initial.flows().get(0)));
        UiaState completed = uia.states.get(1);
        assertEquals(List.of("example.type.foo"), completed.completed());
        assertEquals(List.of("example.type.baz"), completed.remainingStages(completed.flows().get(1)));
        assertEquals(ErrorCode.FORBIDDEN, uia.states.get(2).previousError().orElseThrow().errorCode());
        // An out-of-band answer is the session ID alone.
        server.take();
        assertJson("{\"session\":\"xxxxxx\"}", body(server.take()).object("auth").orElseThrow());
    }

    @Test
    void completedStagesAreNotAnsweredAgain() {
        server.json(401, DUMMY_THEN_PASSWORD + ",\"completed\":[\"m.login.dummy\"]}")
                .ok(spec("register-response.json"));

        await(client.auth().register(REQUEST, UiaHandler.automatic().withPassword(UserId.of("@a:b.c"), "pw")));

        server.take();
        assertEquals(Optional.of("m.login.password"), body(server.take()).object("auth").orElseThrow().string("type"));
    }

    @Test
    void aStageThatFailsTwiceEndsWithTheServersError() {
        String failed = DUMMY_THEN_PASSWORD + ",\"completed\":[\"m.login.dummy\"],"
                + "\"errcode\":\"M_FORBIDDEN\",\"error\":\"Invalid password\"}";
        server.json(401, DUMMY_THEN_PASSWORD + ",\"completed\":[\"m.login.dummy\"]}")
                .json(401, failed).json(401, failed);

        MatrixApiException e = failure(client.auth().register(REQUEST,
                UiaHandler.automatic().withPassword(UserId.of("@a:b.c"), "wrong")), MatrixApiException.class);

        assertEquals(ErrorCode.FORBIDDEN, e.errorCode());
        assertEquals("Invalid password", e.error());
        assertEquals(3, server.requestCount());
    }

    @Test
    void unsupportedStagesAreNamed() {
        server.json(401, "{\"flows\":[{\"stages\":[\"m.login.recaptcha\",\"m.login.terms\"]},"
                + "{\"stages\":[\"m.login.email.identity\"]}],\"session\":\"s\"}");

        UnsupportedAuthStageException e = failure(client.auth().register(REQUEST), UnsupportedAuthStageException.class);

        assertEquals(List.of("m.login.recaptcha", "m.login.terms", "m.login.email.identity"), e.unsupportedStages());
        assertEquals(List.of(List.of("m.login.recaptcha", "m.login.terms"), List.of("m.login.email.identity")),
                e.offeredFlows());
        assertTrue(e.getMessage().contains("m.login.recaptcha, m.login.terms, m.login.email.identity"), e.getMessage());
        assertTrue(e.getMessage().contains("[m.login.email.identity]"), e.getMessage());
        assertEquals(1, server.requestCount());
    }

    @Test
    void aPasswordStageWithoutAPasswordSaysHowToGiveOne() {
        server.json(401, "{\"flows\":[{\"stages\":[\"m.login.password\"]}]}");

        UnsupportedAuthStageException e = failure(client.auth().register(REQUEST), UnsupportedAuthStageException.class);

        assertEquals(List.of("m.login.password"), e.unsupportedStages());
        assertTrue(e.getMessage().contains("withPassword"), e.getMessage());
    }

    @Test
    void aHandlerThatFailsCancelsWithItsError() {
        server.json(401, DUMMY_THEN_PASSWORD + "}");
        UiaCancelledException no = new UiaCancelledException("The user closed the dialog");

        UiaCancelledException e = failure(client.auth().register(REQUEST,
                state -> CompletableFuture.failedFuture(no)), UiaCancelledException.class);

        assertSame(no, e);
        assertEquals(1, server.requestCount());
    }

    @Test
    void aCancelledAnswerIsACancelledProcess() {
        server.json(401, DUMMY_THEN_PASSWORD + "}");
        UiaHandler cancelling = state -> {
            CompletableFuture<AuthData> answer = new CompletableFuture<>();
            answer.cancel(true);
            return answer;
        };

        failure(client.auth().register(REQUEST, cancelling), UiaCancelledException.class);
    }

    @Test
    void cancellingTheOperationCancelsThePendingAnswer() {
        server.json(401, DUMMY_THEN_PASSWORD + "}");
        CompletableFuture<AuthData> pending = new CompletableFuture<>();
        CompletableFuture<Void> asked = new CompletableFuture<>();

        CompletableFuture<RegistrationResult> result = client.auth().register(REQUEST, state -> {
            asked.complete(null);
            return pending;
        });
        await(asked);
        result.cancel(true);

        // The answer is cancelled once the runner has it in hand (it may still be on its way back).
        assertThrows(CancellationException.class, () -> pending.get(5, TimeUnit.SECONDS));
        assertEquals(1, server.requestCount());
    }

    @Test
    void aServerThatNeverMarksTheStageDoneIsGivenUp() {
        String noProgress = "{\"flows\":[{\"stages\":[\"m.login.dummy\"]}],\"session\":\"s\"}";
        server.json(401, noProgress).json(401, noProgress).json(401, noProgress);

        MatrixException e = failure(client.auth().register(REQUEST), MatrixException.class);

        assertTrue(e.getMessage().contains("m.login.dummy"), e.getMessage());
        assertEquals(3, server.requestCount());
    }

    @Test
    void endlessRoundsHitTheLoopGuard() {
        String again = "{\"flows\":[{\"stages\":[\"m.login.sso\"]}],\"session\":\"s\"}";
        for (int i = 0; i < 20; i++) {
            server.json(401, again);
        }

        MatrixException e = failure(client.auth().register(REQUEST,
                state -> CompletableFuture.completedFuture(new AuthData.OutOfBand())), MatrixException.class);

        assertTrue(e.getMessage().contains("rounds"), e.getMessage());
        assertEquals(13, server.requestCount());
    }

    @Test
    void aNonUiaErrorAfterAStageEndsTheProcess() {
        server.json(401, DUMMY_THEN_PASSWORD.replace(",\"m.login.password\"", "") + "}")
                .json(400, spec("register-400-user-in-use.json"));

        MatrixApiException e = failure(client.auth().register(REQUEST), MatrixApiException.class);

        assertEquals(ErrorCode.USER_IN_USE, e.errorCode());
    }

    @Test
    void noSessionIdMeansNoSessionKey() {
        server.json(401, "{\"flows\":[{\"stages\":[\"m.login.dummy\"]}]}").ok(spec("register-response.json"));

        await(client.auth().register(REQUEST));

        server.take();
        assertJson("{\"type\":\"m.login.dummy\"}", body(server.take()).object("auth").orElseThrow());
    }

    /** Answers from a script and records what it was shown. */
    private static final class Scripted implements UiaHandler {
        final List<UiaState> states = new ArrayList<>();
        final Deque<AuthData> answers;

        Scripted(AuthData... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public synchronized CompletableFuture<AuthData> nextStage(UiaState state) {
            states.add(state);
            return CompletableFuture.completedFuture(answers.removeFirst());
        }
    }
}
