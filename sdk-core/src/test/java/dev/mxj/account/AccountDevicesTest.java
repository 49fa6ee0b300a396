package dev.mxj.account;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixClient;
import dev.mxj.UnsupportedAuthStageException;
import dev.mxj.auth.SessionState;
import dev.mxj.auth.UiaHandler;
import dev.mxj.id.DeviceId;
import dev.mxj.json.RawJson;
import dev.mxj.testing.MockHomeserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

/** Device management, with User-Interactive Authentication for deletion. */
class AccountDevicesTest {
    static final String PASSWORD_FLOW = "{\"flows\":[{\"stages\":[\"m.login.password\"]}],\"params\":{},"
            + "\"session\":\"xxxxxxyz\"}";
    static final String PASSWORD_AUTH = "{\"type\":\"m.login.password\",\"identifier\":{\"type\":\"m.id.user\","
            + "\"user\":\"@alice:example.org\"},\"password\":\"pw\",\"session\":\"xxxxxxyz\"}";
    static final UiaHandler WITH_PASSWORD = UiaHandler.automatic().withPassword(MockHomeserver.USER, "pw");
    private static final DeviceId PHONE = DeviceId.of("QBUAZIFURK");
    private static final Device ANDROID = new Device(PHONE, Optional.of("android"), Optional.of("1.2.3.4"),
            Optional.of(Instant.ofEpochMilli(1474491775024L)));

    private final MockHomeserver server = MockHomeserver.start();
    private final MatrixClient client = server.loggedInClient();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void listsDevices() {
        server.ok(spec("devices.json")).ok("{\"devices\":[{\"device_id\":\"X\"},{\"display_name\":\"no id\"}]}");

        assertEquals(List.of(ANDROID), await(client.account().devices().list()));
        assertEquals(List.of(new Device(DeviceId.of("X"), Optional.empty(), Optional.empty(), Optional.empty())),
                await(client.account().devices().list()));
        expect(server, "GET", "/_matrix/client/v3/devices");
    }

    @Test
    void getsOneDeviceAndA404IsEmpty() {
        server.ok(spec("device.json")).json(404, "{\"errcode\":\"M_NOT_FOUND\",\"error\":\"Unknown device\"}");

        assertEquals(Optional.of(ANDROID), await(client.account().devices().get(PHONE)));
        assertEquals(Optional.empty(), await(client.account().devices().get(DeviceId.of("GONE"))));
        expect(server, "GET", "/_matrix/client/v3/devices/QBUAZIFURK");
        expect(server, "GET", "/_matrix/client/v3/devices/GONE");
    }

    @Test
    void renamesADevice() {
        server.ok("{}").json(404, "{\"errcode\":\"M_NOT_FOUND\",\"error\":\"Unknown device\"}");

        await(client.account().devices().rename(PHONE, "My other phone"));
        MatrixApiException e = failure(client.account().devices().rename(DeviceId.of("GONE"), "x"),
                MatrixApiException.class);

        assertJson(spec("device-update.json"), body(expect(server, "PUT", "/_matrix/client/v3/devices/QBUAZIFURK")));
        assertEquals(ErrorCode.NOT_FOUND, e.errorCode());
    }

    @Test
    void deletesADeviceAnsweringThePasswordStage() {
        server.json(401, PASSWORD_FLOW).ok("{}");

        await(client.account().devices().delete(PHONE, WITH_PASSWORD));

        assertJson("{}", body(expect(server, "DELETE", "/_matrix/client/v3/devices/QBUAZIFURK")));
        RawJson second = body(expect(server, "DELETE", "/_matrix/client/v3/devices/QBUAZIFURK"));
        assertJson("{\"auth\":" + PASSWORD_AUTH + "}", second);
        assertInstanceOf(SessionState.Active.class, client.sessionState(), "another device: this session stays");
    }

    @Test
    void deletesSeveralDevicesAtOnce() {
        server.json(401, PASSWORD_FLOW).ok("{}");

        await(client.account().devices().delete(List.of(PHONE, DeviceId.of("AUIECTSRND"), PHONE), WITH_PASSWORD));

        assertJson(spec("delete-devices.json"), body(expect(server, "POST", "/_matrix/client/v3/delete_devices")));
        RawJson second = body(server.take());
        assertEquals(List.of("QBUAZIFURK", "AUIECTSRND"), second.strings("devices"));
        assertJson(PASSWORD_AUTH, second.object("auth").orElseThrow());
    }

    @Test
    void deletingNoDevicesSendsNothing() {
        await(client.account().devices().delete(List.of(), WITH_PASSWORD));

        assertEquals(0, server.requestCount());
    }

    @Test
    void deletingThisDeviceEndsTheSession() {
        server.json(401, PASSWORD_FLOW).ok("{}");

        await(client.account().devices().delete(MockHomeserver.DEVICE, WITH_PASSWORD));

        assertInstanceOf(SessionState.NotLoggedIn.class, client.sessionState());
    }

    @Test
    void withoutAPasswordTheHandlerSaysHowToGiveOne() {
        server.json(401, PASSWORD_FLOW);

        UnsupportedAuthStageException e = failure(client.account().devices().delete(PHONE, UiaHandler.automatic()),
                UnsupportedAuthStageException.class);

        assertEquals(List.of("m.login.password"), e.unsupportedStages());
        assertEquals(1, server.requestCount());
    }

    @Test
    void aWrongPasswordEndsWithTheServersError() {
        String wrong = "{\"flows\":[{\"stages\":[\"m.login.password\"]}],\"session\":\"xxxxxxyz\","
                + "\"errcode\":\"M_FORBIDDEN\",\"error\":\"Invalid password\"}";
        server.json(401, PASSWORD_FLOW).json(401, wrong).json(401, wrong);

        MatrixApiException e = failure(client.account().devices().delete(PHONE, WITH_PASSWORD),
                MatrixApiException.class);

        assertEquals(ErrorCode.FORBIDDEN, e.errorCode());
        assertFalse(e.getMessage().contains("\"pw\""), e.getMessage());
    }

    @Test
    void badArgumentsThrowAtOnce() {
        assertThrows(NullPointerException.class, () -> client.account().devices().delete(PHONE, null));
        assertThrows(NullPointerException.class, () -> client.account().devices().rename(PHONE, null));
        assertEquals(0, server.requestCount());
    }
}
