package dev.mxj.auth;

import dev.mxj.UnsupportedAuthStageException;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Passwords and tokens never show in toString or exception messages. */
class SecretsTest {
    private static final String SECRET = "s3cret-VALUE";

    private static void assertHidden(Object value) {
        String text = String.valueOf(value);
        assertFalse(text.contains(SECRET), () -> "secret leaked in: " + text);
    }

    @Test
    void requestsAndAnswersHideTheirSecrets() {
        assertHidden(LoginRequest.password("alice", SECRET).withDeviceId(DeviceId.of("D")));
        assertHidden(LoginRequest.token(SECRET));
        assertHidden(LoginRequest.password(UserIdentifier.email("a@example.org"), SECRET).credential());
        assertHidden(RegistrationRequest.of("alice", SECRET));
        assertHidden(AuthData.password(UserId.of("@alice:example.org"), SECRET));
        assertHidden(AuthData.registrationToken(SECRET));
        assertHidden(UiaHandler.automatic().withPassword(UserId.of("@alice:example.org"), SECRET)
                .withRegistrationToken(SECRET));
        assertTrue(LoginRequest.password("alice", SECRET).toString().contains("alice"));
    }

    @Test
    void unsupportedStageMessagesCarryNoSecrets() {
        UnsupportedAuthStageException e = new UnsupportedAuthStageException(List.of("m.login.recaptcha"),
                List.of(List.of("m.login.recaptcha")), "");

        assertHidden(e.getMessage());
        assertTrue(e.getMessage().contains("m.login.recaptcha"));
    }
}
