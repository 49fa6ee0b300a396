package dev.mxj.relations;

import dev.mxj.json.RawJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static dev.mxj.testing.SyncBuilders.json;
import static dev.mxj.testing.SyncBuilders.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactionTest {
    private static RawJson event(String type, Map<String, Object> content) {
        return json(obj("type", type, "event_id", "$e", "room_id", "!r:x", "sender", "@a:x", "state_key", "",
                "origin_server_ts", 5, "origin", "x", "membership", "join", "prev_state", obj(),
                "depth", 3, "hashes", obj("sha256", "h"), "signatures", obj(), "auth_events", obj(),
                "prev_events", obj(), "redacts", "$other", "unsigned", obj("age", 1), "content", content));
    }

    private static RawJson content(RawJson event, String version) {
        return Redaction.redact(event, version).object("content").orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"})
    void versionsBefore11KeepOriginMembershipAndPrevState(String version) {
        RawJson out = Redaction.redact(event("m.room.message", obj("body", "hi")), version);
        assertEquals(Set.of("type", "event_id", "room_id", "sender", "state_key", "origin_server_ts", "origin",
                "membership", "prev_state", "depth", "hashes", "signatures", "auth_events", "prev_events",
                "content", "unsigned"), out.keys());
        assertEquals(Set.of(), out.object("content").orElseThrow().keys());
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "12"})
    void version11DropsOriginMembershipAndPrevState(String version) {
        RawJson out = Redaction.redact(event("m.room.message", obj("body", "hi")), version);
        assertEquals(Set.of("type", "event_id", "room_id", "sender", "state_key", "origin_server_ts", "depth",
                "hashes", "signatures", "auth_events", "prev_events", "content", "unsigned"), out.keys());
    }

    @Test
    void topLevelRedactsIsNeverKept() {
        assertFalse(Redaction.redact(event("m.room.redaction", obj("redacts", "$x")), "10").has("redacts"));
        assertFalse(Redaction.redact(event("m.room.redaction", obj("redacts", "$x")), "11").has("redacts"));
    }

    @Test
    void redactionKeepsContentRedactsFrom11() {
        RawJson redaction = event("m.room.redaction", obj("redacts", "$x", "reason", "spam"));
        assertEquals(Set.of(), content(redaction, "10").keys());
        assertEquals(Set.of("redacts"), content(redaction, "11").keys());
    }

    @Test
    void memberKeepsMembershipAndJoinAuthorisedFrom9AndSignedInviteFrom11() {
        RawJson member = event("m.room.member", obj("membership", "join", "displayname", "A",
                "join_authorised_via_users_server", "@s:x",
                "third_party_invite", obj("display_name", "a", "signed", obj("mxid", "@a:x"))));
        assertEquals(Set.of("membership"), content(member, "8").keys());
        assertEquals(Set.of("membership", "join_authorised_via_users_server"), content(member, "9").keys());
        RawJson v11 = content(member, "11");
        assertEquals(Set.of("membership", "join_authorised_via_users_server", "third_party_invite"), v11.keys());
        assertEquals(Set.of("signed"), v11.object("third_party_invite").orElseThrow().keys());
    }

    @Test
    void createKeepsCreatorBefore11AndAllContentFrom11() {
        RawJson create = event("m.room.create", obj("creator", "@a:x", "room_version", "10", "m.federate", false));
        assertEquals(Set.of("creator"), content(create, "10").keys());
        assertEquals(Set.of("creator", "room_version", "m.federate"), content(create, "11").keys());
    }

    @Test
    void joinRulesKeepAllowFrom8() {
        RawJson rules = event("m.room.join_rules", obj("join_rule", "restricted", "allow", obj(), "x", 1));
        assertEquals(Set.of("join_rule"), content(rules, "7").keys());
        assertEquals(Set.of("join_rule", "allow"), content(rules, "8").keys());
    }

    @Test
    void powerLevelsKeepInviteFrom11() {
        RawJson levels = event("m.room.power_levels", obj("ban", 50, "events", obj(), "events_default", 0,
                "kick", 50, "redact", 50, "state_default", 50, "users", obj(), "users_default", 0,
                "invite", 0, "notifications", obj("room", 50)));
        Set<String> base = Set.of("ban", "events", "events_default", "kick", "redact", "state_default", "users",
                "users_default");
        assertEquals(base, content(levels, "10").keys());
        Set<String> v11 = new java.util.HashSet<>(base);
        v11.add("invite");
        assertEquals(v11, content(levels, "11").keys());
    }

    @Test
    void aliasesKeptOnlyUpTo5() {
        RawJson aliases = event("m.room.aliases", obj("aliases", java.util.List.of("#a:x")));
        assertEquals(Set.of("aliases"), content(aliases, "5").keys());
        assertEquals(Set.of(), content(aliases, "6").keys());
    }

    @Test
    void historyVisibilityKept() {
        RawJson hv = event("m.room.history_visibility", obj("history_visibility", "shared", "x", 1));
        assertEquals(Set.of("history_visibility"), content(hv, "1").keys());
        assertEquals(Set.of("history_visibility"), content(hv, "12").keys());
    }

    @Test
    void redactedBecauseIsSetAndInputUnchanged() {
        RawJson original = event("m.room.message", obj("body", "hi"));
        String before = original.json();
        RawJson because = json(obj("type", "m.room.redaction", "event_id", "$r"));
        RawJson out = Redaction.redact(original, "11", because);
        assertEquals(because, out.object("unsigned").orElseThrow().object("redacted_because").orElseThrow());
        assertTrue(Redaction.isRedacted(out));
        assertFalse(Redaction.isRedacted(original));
        assertEquals(before, original.json());
    }

    @Test
    void redactedEventIdIsReadFromContentThenTopLevel() {
        assertEquals(java.util.Optional.of(dev.mxj.id.EventId.of("$in")),
                Redaction.redactedEventId(json(obj("type", "m.room.redaction", "redacts", "$top",
                        "content", obj("redacts", "$in")))));
        assertEquals(java.util.Optional.of(dev.mxj.id.EventId.of("$top")),
                Redaction.redactedEventId(json(obj("type", "m.room.redaction", "redacts", "$top", "content", obj()))));
        assertTrue(Redaction.redactedEventId(json(obj("type", "m.room.redaction", "content", obj()))).isEmpty());
    }

    @Test
    void unknownVersionsGetNewestRulesAndNonObjectsAreRejected() {
        RawJson create = event("m.room.create", obj("creator", "@a:x", "room_version", "x"));
        assertEquals(Set.of("creator", "room_version"), content(create, "org.example.v13").keys());
        assertThrows(IllegalArgumentException.class, () -> Redaction.redact(RawJson.parse("[1]"), "10"));
    }
}
