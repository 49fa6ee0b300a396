package dev.mxj.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SharedSecretTest {

    // Expected values computed independently with:
    // printf '%s\0%s\0%s\0%s' abcdef alice 'p4ss word' notadmin | openssl dgst -sha1 -hmac secret
    @Test
    void macMatchesOpensslForARegularUser() {
        assertEquals("72d8f3b360aac0bb037769f7f57ae8c12a91323e",
                SharedSecret.mac("secret", "abcdef", "alice", "p4ss word", false));
    }

    // printf '%s\0%s\0%s\0%s' n0nce bob hunter2 admin | openssl dgst -sha1 -hmac 'k3y-with-ünïcode'
    @Test
    void macMatchesOpensslForAnAdminWithAUtf8Key() {
        assertEquals("2fa8c3bb72b47d9db7125f234829260c5133fa84",
                SharedSecret.mac("k3y-with-ünïcode", "n0nce", "bob", "hunter2", true));
    }

    @Test
    void adminFlagChangesTheMac() {
        assertNotEquals(SharedSecret.mac("s", "n", "u", "p", true),
                SharedSecret.mac("s", "n", "u", "p", false));
    }

    @Test
    void randomIsHexOfTheRequestedLength() {
        String value = SharedSecret.random(12);
        assertEquals(24, value.length());
        assertTrue(value.matches("[0-9a-f]+"), value);
        assertNotEquals(value, SharedSecret.random(12));
    }
}
