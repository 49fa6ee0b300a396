package dev.mxj.account;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixClient;
import dev.mxj.auth.SessionState;
import dev.mxj.json.RawJson;
import dev.mxj.testing.MockHomeserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.mxj.account.AccountDevicesTest.PASSWORD_AUTH;
import static dev.mxj.account.AccountDevicesTest.PASSWORD_FLOW;
import static dev.mxj.account.AccountDevicesTest.WITH_PASSWORD;
import static dev.mxj.account.AccountTestSupport.assertJson;
import static dev.mxj.account.AccountTestSupport.await;
import static dev.mxj.account.AccountTestSupport.body;
import static dev.mxj.account.AccountTestSupport.expect;
import static dev.mxj.account.AccountTestSupport.failure;
import static dev.mxj.account.AccountTestSupport.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Password change and account deactivation, both under User-Interactive Authentication. */
class AccountCredentialsTest {
    private final MockHomeserver server = MockHomeserver.start();
    private final MatrixClient client = server.loggedInClient();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void changesThePasswordAnsweringThePasswordStage() {
        server.json(401, PASSWORD_FLOW).ok("{}");

        await(client.account().changePassword("ihatebananas", true, WITH_PASSWORD));

        RawJson first = body(expect(server, "POST", "/_matrix/client/v3/account/password"));
        assertJson(spec("password.json"), first);
        RawJson second = body(server.take());
        assertEquals(Optional.of("ihatebananas"), second.string("new_password"));
        assertEquals(Optional.of(true), second.bool("logout_devices"));
        assertJson(PASSWORD_AUTH, second.object("auth").orElseThrow());
        assertInstanceOf(SessionState.Active.class, client.sessionState(), "the session stays");
    }

    @Test
    void keepsOtherDevicesWhenAsked() {
        server.ok("{}");

        await(client.account().changePassword("ihatebananas", false, WITH_PASSWORD));

        assertEquals(Optional.of(false), body(server.take()).bool("logout_devices"));
    }

    @Test
    void aWeakPasswordIsATypedErrorWithoutThePassword() {
        server.json(401, PASSWORD_FLOW).json(400, "{\"errcode\":\"M_WEAK_PASSWORD\",\"error\":\"Too short\"}");

        MatrixApiException e = failure(client.account().changePassword("abc", true, WITH_PASSWORD),
                MatrixApiException.class);

        assertEquals(ErrorCode.WEAK_PASSWORD, e.errorCode());
        assertFalse(e.getMessage().contains("abc"), e.getMessage());
    }

    @Test
    void anEmptyPasswordIsRejectedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> client.account().changePassword("", true, WITH_PASSWORD));
        assertEquals("New password cannot be empty.", e.getMessage());
        assertThrows(NullPointerException.class, () -> client.account().changePassword("x", true, null));
        assertEquals(0, server.requestCount());
    }

    @Test
    void deactivatesAndEndsTheSession() {
        server.json(401, PASSWORD_FLOW).ok(spec("deactivate-response.json"));

        UnbindResult result = await(client.account().deactivate(WITH_PASSWORD));

        assertEquals(UnbindResult.SUCCESS, result);
        assertJson("{}", body(expect(server, "POST", "/_matrix/client/v3/account/deactivate")));
        assertJson("{\"auth\":" + PASSWORD_AUTH + "}", body(server.take()));
        assertInstanceOf(SessionState.NotLoggedIn.class, client.sessionState());
    }

    @Test
    void deactivationOptionsAreSent() {
        server.ok("{\"id_server_unbind_result\":\"no-support\"}");

        UnbindResult result = await(client.account().deactivate(
                Deactivation.defaults().withErase(true).withIdServer("example.org"), WITH_PASSWORD));

        assertEquals(UnbindResult.NO_SUPPORT, result);
        assertJson("{\"erase\":true,\"id_server\":\"example.org\"}", body(server.take()));
    }

    @Test
    void anAnswerWithoutAnUnbindResultIsNoSupport() {
        // Dendrite answers {} although the spec requires id_server_unbind_result.
        server.ok("{}");

        assertEquals(UnbindResult.NO_SUPPORT, await(client.account().deactivate(WITH_PASSWORD)));
    }

    @Test
    void aFailedDeactivationKeepsTheSession() {
        server.json(403, "{\"errcode\":\"M_FORBIDDEN\",\"error\":\"No\"}");

        failure(client.account().deactivate(WITH_PASSWORD), MatrixApiException.class);

        assertInstanceOf(SessionState.Active.class, client.sessionState());
    }
}
