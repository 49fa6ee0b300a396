package dev.mxj.account;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixClient;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Third-party identifiers against the spec's examples (Dendrite implements only list and delete). */
class AccountThirdPartyIdsTest {
    private static final String BASE = "/_matrix/client/v3/account/3pid";

    private final MockHomeserver server = MockHomeserver.start();
    private final MatrixClient client = server.loggedInClient();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void listsIdentifiers() {
        server.ok(spec("threepids.json")).ok("{\"threepids\":null}");

        assertEquals(List.of(new ThirdPartyId(ThirdPartyId.EMAIL, "monkey@banana.island",
                        Optional.of(Instant.ofEpochMilli(1535176800000L)), Optional.of(Instant.ofEpochMilli(1535336848756L)))),
                await(client.account().thirdPartyIds().list()));
        assertEquals(List.of(), await(client.account().thirdPartyIds().list()), "Go's null list reads as empty");
        expect(server, "GET", BASE);
    }

    @Test
    void requestsAnEmailTokenWithoutTheAccessToken() {
        server.ok(spec("request-token-response.json"));

        ValidationSession session = await(client.account().thirdPartyIds()
                .requestEmailToken("monkeys_are_GREAT", "alice@example.org", 1));

        RecordedRequest request = expect(server, "POST", BASE + "/email/requestToken");
        assertJson(spec("threepid-email-token.json"), body(request));
        assertNull(request.getHeaders().get("Authorization"));
        assertEquals(new ValidationSession("123abc", Optional.of(URI.create("https://example.org/path/to/submitToken"))),
                session);
    }

    @Test
    void anAddressInUseIsATypedError() {
        server.json(400, spec("threepid-email-token-400.json"));

        MatrixApiException e = failure(client.account().thirdPartyIds().requestEmailToken("s", "a@b.c", 1),
                MatrixApiException.class);

        assertEquals(ErrorCode.of("M_THREEPID_IN_USE"), e.errorCode());
    }

    @Test
    void addsUnderUserInteractiveAuthentication() {
        server.json(401, PASSWORD_FLOW).ok("{}");

        await(client.account().thirdPartyIds().add("d0nt-T3ll", "abc123987", WITH_PASSWORD));

        assertJson(spec("threepid-add.json"), body(expect(server, "POST", BASE + "/add")));
        assertJson(PASSWORD_AUTH, body(server.take()).object("auth").orElseThrow());
    }

    @Test
    void binds() {
        server.ok("{}");
        ThreePidCredentials credentials = new ThreePidCredentials("d0nt-T3ll", "example.org", "abc123_OpaqueString",
                "abc123987");

        await(client.account().thirdPartyIds().bind(credentials));

        assertJson(spec("threepid-bind.json"), body(expect(server, "POST", BASE + "/bind")));
        assertFalse(credentials.toString().contains("d0nt-T3ll"), credentials.toString());
        assertFalse(credentials.toString().contains("abc123_OpaqueString"), credentials.toString());
    }

    @Test
    void deletesAndUnbinds() {
        server.ok(spec("threepid-remove-response.json")).ok("{}")
                .ok("{\"id_server_unbind_result\":\"no-support\"}");

        assertEquals(UnbindResult.SUCCESS, await(client.account().thirdPartyIds()
                .delete(ThirdPartyId.EMAIL, "example@example.org", "example.org")));
        assertEquals(UnbindResult.NO_SUPPORT, await(client.account().thirdPartyIds()
                .delete(ThirdPartyId.MSISDN, "447700900000")));
        assertEquals(UnbindResult.NO_SUPPORT, await(client.account().thirdPartyIds()
                .unbind(ThirdPartyId.EMAIL, "example@example.org")));

        assertJson(spec("threepid-remove.json"), body(expect(server, "POST", BASE + "/delete")));
        assertJson("{\"medium\":\"msisdn\",\"address\":\"447700900000\"}", body(expect(server, "POST", BASE + "/delete")));
        assertJson("{\"medium\":\"email\",\"address\":\"example@example.org\"}",
                body(expect(server, "POST", BASE + "/unbind")));
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        ThirdPartyIds ids = client.account().thirdPartyIds();
        IllegalArgumentException medium = assertThrows(IllegalArgumentException.class,
                () -> ids.delete("fax", "123"));
        assertEquals("A 3PID medium is \"email\" or \"msisdn\", was \"fax\".", medium.getMessage());
        IllegalArgumentException secret = assertThrows(IllegalArgumentException.class,
                () -> ids.requestEmailToken("no spaces allowed", "a@b.c", 1));
        assertTrue(secret.getMessage().contains("[0-9a-zA-Z.=_-]"), secret.getMessage());
        assertFalse(secret.getMessage().contains("no spaces allowed"), secret.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ids.requestEmailToken("s", "a@b.c", 0));
        assertThrows(IllegalArgumentException.class, () -> ids.add("s".repeat(256), "sid", WITH_PASSWORD));
        assertThrows(IllegalArgumentException.class, () -> ids.unbind(ThirdPartyId.EMAIL, ""));
        assertThrows(IllegalArgumentException.class, () -> new ThreePidCredentials("", "a", "b", "c"));
        assertEquals(0, server.requestCount());
    }
}
