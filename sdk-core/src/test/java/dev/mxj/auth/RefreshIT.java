package dev.mxj.auth;

import dev.mxj.MatrixClient;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refresh tokens against a server that does not issue them. Dendrite v0.13.8 ignores
 * {@code refresh_token: true} and has no {@code /refresh}; the refresh protocol itself is covered
 * by SessionRefreshTest on the mock server. Here: asking for one is harmless and a manual refresh
 * keeps the session working.
 */
@ExtendWith(DendriteExtension.class)
class RefreshIT {
    @Test
    void refreshWithoutARefreshTokenKeepsTheSession(Dendrite dendrite, TestUser user) {
        try (MatrixClient client = MatrixClient.builder().homeserverUrl(dendrite.baseUrl()).build()) {
            Session session = client.auth().login(LoginRequest.password(user.localpart(), user.password())
                    .withRequestRefreshToken(true)).join();
            assertTrue(session.refreshToken().isEmpty(), "Dendrite v0.13.8 issues no refresh tokens");
            Session after = client.auth().refreshAccessToken().join();
            assertEquals(session.accessToken(), after.accessToken());
            assertEquals(user.userId(), client.account().whoami().join().userId().value());
        }
    }
}
