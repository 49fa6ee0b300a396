package dev.mxj.account;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixClient;
import dev.mxj.SessionEndedException;
import dev.mxj.auth.LoginRequest;
import dev.mxj.auth.SessionState;
import dev.mxj.auth.UiaHandler;
import dev.mxj.id.DeviceId;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.mxj.account.AccountTestSupport.failure;
import static dev.mxj.account.DendriteAccounts.await;
import static dev.mxj.account.DendriteAccounts.client;
import static dev.mxj.account.DendriteAccounts.id;
import static dev.mxj.account.DendriteAccounts.loggedIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Devices, password change, deactivation and 3PIDs against a real Dendrite. */
@ExtendWith(DendriteExtension.class)
class AccountSecurityIT {

    private static UiaHandler password(TestUser user) {
        return UiaHandler.automatic().withPassword(id(user), user.password());
    }

    @Test
    void listsRenamesAndDeletesDevices(Dendrite dendrite, TestUser alice) {
        try (MatrixClient me = loggedIn(dendrite, alice, alice.password());
             MatrixClient laptop = loggedIn(dendrite, alice, alice.password())) {
            DeviceId laptopId = laptop.session().orElseThrow().deviceId();
            Set<DeviceId> listed = await(me.account().devices().list()).stream().map(Device::deviceId)
                    .collect(Collectors.toSet());
            assertTrue(listed.containsAll(Set.of(me.session().orElseThrow().deviceId(), laptopId)), listed::toString);

            await(me.account().devices().rename(laptopId, "Old laptop"));
            assertEquals(Optional.of("Old laptop"),
                    await(me.account().devices().get(laptopId)).orElseThrow().displayName());

            await(me.account().devices().delete(laptopId, password(alice)));

            assertEquals(Optional.empty(), await(me.account().devices().get(laptopId)));
            failure(laptop.account().whoami(), SessionEndedException.class);
            assertInstanceOf(SessionState.Active.class, me.sessionState());
        }
    }

    @Test
    void deletesSeveralDevicesAndItsOwn(Dendrite dendrite, TestUser alice) {
        try (MatrixClient me = loggedIn(dendrite, alice, alice.password());
             MatrixClient second = loggedIn(dendrite, alice, alice.password())) {
            List<DeviceId> both = List.of(me.session().orElseThrow().deviceId(),
                    second.session().orElseThrow().deviceId());

            await(me.account().devices().delete(both, password(alice)));

            assertInstanceOf(SessionState.NotLoggedIn.class, me.sessionState());
            failure(second.account().whoami(), SessionEndedException.class);
        }
    }

    @Test
    void aWrongPasswordDoesNotDeleteTheDevice(Dendrite dendrite, TestUser alice) {
        try (MatrixClient me = loggedIn(dendrite, alice, alice.password());
             MatrixClient laptop = loggedIn(dendrite, alice, alice.password())) {
            DeviceId laptopId = laptop.session().orElseThrow().deviceId();

            MatrixApiException e = failure(me.account().devices().delete(laptopId,
                    UiaHandler.automatic().withPassword(id(alice), "not-the-password")), MatrixApiException.class);

            assertEquals(ErrorCode.FORBIDDEN, e.errorCode());
            assertTrue(await(me.account().devices().get(laptopId)).isPresent());
        }
    }

    @Test
    void changesThePasswordAndLogsInWithTheNewOne(Dendrite dendrite, TestUser alice) {
        try (MatrixClient me = loggedIn(dendrite, alice, alice.password());
             MatrixClient other = loggedIn(dendrite, alice, alice.password())) {
            await(me.account().changePassword("a-brand-new-password-42", true, password(alice)));

            assertEquals(id(alice), await(me.account().whoami()).userId(), "this session stays");
            failure(other.account().whoami(), SessionEndedException.class);
            try (MatrixClient fresh = MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).build()) {
                MatrixApiException old = failure(fresh.auth().login(LoginRequest.password(alice.userId(),
                        alice.password())), MatrixApiException.class);
                assertEquals(ErrorCode.FORBIDDEN, old.errorCode());
                await(fresh.auth().login(LoginRequest.password(alice.userId(), "a-brand-new-password-42")));
                assertEquals(id(alice), await(fresh.account().whoami()).userId());
            }
        }
    }

    @Test
    void deactivatesAndNobodyCanLogInAgain(Dendrite dendrite, TestUser alice) {
        try (MatrixClient me = loggedIn(dendrite, alice, alice.password());
             MatrixClient registered = client(dendrite, alice)) {
            UnbindResult result = await(me.account().deactivate(password(alice)));

            // Dendrite answers {} (no id_server_unbind_result), read as NO_SUPPORT.
            assertEquals(UnbindResult.NO_SUPPORT, result);
            assertInstanceOf(SessionState.NotLoggedIn.class, me.sessionState());
            failure(registered.account().whoami(), SessionEndedException.class);
            MatrixApiException e = failure(me.auth().login(LoginRequest.password(alice.userId(), alice.password())),
                    MatrixApiException.class);
            // Dendrite answers a deactivated account's login as a wrong password; others say M_USER_DEACTIVATED.
            assertEquals(ErrorCode.FORBIDDEN, e.errorCode(), e::getMessage);
        }
    }

    @Test
    void thirdPartyIdCallsDendriteLacks(Dendrite dendrite, TestUser alice) {
        // Dendrite v0.13.8 routes GET /account/3pid and POST /account/3pid/delete only.
        try (MatrixClient me = client(dendrite, alice)) {
            ThirdPartyIds ids = me.account().thirdPartyIds();
            assertEquals(UnbindResult.NO_SUPPORT, await(ids.delete(ThirdPartyId.EMAIL, "nobody@example.org")));
            assertFalse(await(ids.list()).stream().anyMatch(t -> t.address().equals("nobody@example.org")));

            assertUnsupported(failure(ids.add("secret", "sid", password(alice)), MatrixApiException.class));
            assertUnsupported(failure(ids.bind(new ThreePidCredentials("secret", "id.example.org", "token", "sid")),
                    MatrixApiException.class));
            assertUnsupported(failure(ids.unbind(ThirdPartyId.EMAIL, "nobody@example.org"), MatrixApiException.class));
        }
    }

    private static void assertUnsupported(MatrixApiException e) {
        assertEquals(404, e.httpStatus(), e::getMessage);
        assertEquals(ErrorCode.UNRECOGNIZED, e.errorCode(), e::getMessage);
    }
}
