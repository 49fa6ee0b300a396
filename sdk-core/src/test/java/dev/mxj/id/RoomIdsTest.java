package dev.mxj.id;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RoomIdsTest {
    @Test
    void roomIdAndAlias() {
        assertEquals(ServerName.of("example.org"), RoomId.of("!abc:example.org").serverName());
        RoomAlias alias = RoomAlias.of("#room:example.org:8448");
        assertEquals("room", alias.localpart());
        assertEquals(ServerName.of("example.org:8448"), alias.serverName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc:example.org", "!:example.org", "!abc", "!a b:example.org", "#a:example.org"})
    void invalidRoomIds(String value) {
        assertThrows(IllegalArgumentException.class, () -> RoomId.of(value));
    }

    @Test
    void eventIdsOfEveryRoomVersion() {
        assertEquals("$abc:example.org", EventId.of("$abc:example.org").value());
        assertEquals("$acR1l0raoZnm60CBwAVgqbZqoO_mYU81xysh1u7XcJk", EventId.of("$acR1l0raoZnm60CBwAVgqbZqoO_mYU81xysh1u7XcJk").value());
        assertThrows(IllegalArgumentException.class, () -> EventId.of("abc"));
        assertThrows(IllegalArgumentException.class, () -> EventId.of("$"));
        assertThrows(IllegalArgumentException.class, () -> EventId.of("$a b"));
    }

    @Test
    void mxcUris() {
        MxcUri uri = MxcUri.of("mxc://example.org/SEsfnsuifSDFSSEF");
        assertEquals(ServerName.of("example.org"), uri.serverName());
        assertEquals("SEsfnsuifSDFSSEF", uri.mediaId());
        assertThrows(IllegalArgumentException.class, () -> MxcUri.of("https://example.org/x"));
        assertThrows(IllegalArgumentException.class, () -> MxcUri.of("mxc://example.org/"));
        assertThrows(IllegalArgumentException.class, () -> MxcUri.of("mxc://example.org/a/b"));
    }
}
