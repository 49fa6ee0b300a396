package dev.mxj.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TestUserTest {

    @Test
    void toStringHidesPasswordAndToken() {
        TestUser user = new TestUser("@a:localhost", "a", "pw-secret", "syt_token", "DEV");
        String text = user.toString();
        assertTrue(text.contains("@a:localhost") && text.contains("DEV"), text);
        assertFalse(text.contains("pw-secret"), text);
        assertFalse(text.contains("syt_token"), text);
    }
}
