package dev.mxj.id;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdsTest {
    @ParameterizedTest
    @ValueSource(strings = {"example.org", "matrix.example.org:8448", "127.0.0.1", "127.0.0.1:8008", "[::1]",
            "[1234:5678::abcd]:443", "localhost"})
    void validServerNames(String name) {
        assertEquals(name, ServerName.of(name).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "exa mple.org", "example.org:", "example.org:99999", "example.org:0",
            "http://example.org", "[::1", "ex_ample.org"})
    void invalidServerNames(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServerName.of(name));
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @Test
    void serverNameHost() {
        assertEquals("example.org", ServerName.of("example.org:8448").host());
        assertEquals("[::1]", ServerName.of("[::1]").host());
        assertEquals("[::1]", ServerName.of("[::1]:80").host());
    }

    @Test
    void userIdParts() {
        UserId id = UserId.of("@alice:example.org:8448");
        assertEquals("alice", id.localpart());
        assertEquals(ServerName.of("example.org:8448"), id.serverName());
        assertTrue(id.isStrictlyValid());
        assertEquals(id, UserId.of("alice", ServerName.of("example.org:8448")));
    }

    @Test
    void historicalUserIdsAreAcceptedButNotStrict() {
        UserId id = UserId.of("@Alice!:example.org");
        assertFalse(id.isStrictlyValid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice:example.org", "@:example.org", "@alice", "@al ice:example.org", "@alice:bad host"})
    void invalidUserIds(String value) {
        assertThrows(IllegalArgumentException.class, () -> UserId.of(value));
    }

    @Test
    void userIdLengthLimit() {
        String longId = "@" + "a".repeat(250) + ":example.org";
        assertThrows(IllegalArgumentException.class, () -> UserId.of(longId));
    }

    @Test
    void deviceIdNotEmpty() {
        assertThrows(IllegalArgumentException.class, () -> DeviceId.of(""));
        assertEquals("ABC", DeviceId.of("ABC").toString());
    }
}
