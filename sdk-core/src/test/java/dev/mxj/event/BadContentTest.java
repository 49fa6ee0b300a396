package dev.mxj.event;

import dev.mxj.json.RawJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Content that breaks its type's schema becomes {@link FailedToParse}, with an error naming the field. */
class BadContentTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            m.room.create          | {'room_version': 11}                          | "room_version" is not a string
            m.room.create          | {'m.federate': 'yes'}                         | "m.federate" is not a boolean
            m.room.create          | {'predecessor': 'old'}                        | "predecessor" is not an object
            m.room.create          | {'predecessor': {}}                           | "predecessor.room_id" is missing
            m.room.create          | {'predecessor': {'room_id': 'nope'}}          | "predecessor.room_id" is invalid
            m.room.member          | {}                                            | "membership" is missing
            m.room.member          | {'membership': 1}                             | "membership" is not a string
            m.room.member          | {'membership': 'joined'}                      | "membership" is not one of
            m.room.member          | {'membership': 'join', 'displayname': 5}      | "displayname" is not a string
            m.room.member          | {'membership': 'join', 'is_direct': 'true'}   | "is_direct" is not a boolean
            m.room.member          | {'membership': 'join', 'avatar_url': {}}      | "avatar_url" is not a string
            m.room.member          | {'membership': 'join', 'join_authorised_via_users_server': 'bob'} | "join_authorised_via_users_server" is invalid
            m.room.member          | {'membership': 'invite', 'third_party_invite': []} | "third_party_invite" is not an object
            m.room.name            | {'name': 3}                                   | "name" is not a string
            m.room.topic           | {'topic': ['a']}                              | "topic" is not a string
            m.room.join_rules      | {}                                            | "join_rule" is missing
            m.room.history_visibility | {'history_visibility': null}               | "history_visibility" is not a string
            m.room.guest_access    | {}                                            | "guest_access" is missing
            m.room.encryption      | {}                                            | "algorithm" is missing
            m.room.encryption      | {'algorithm': 'x', 'rotation_period_ms': '1'} | "rotation_period_ms" is not an integer
            m.room.power_levels    | {'ban': 'fifty'}                              | "ban" is not an integer
            m.room.power_levels    | {'kick': true}                                | "kick" is not an integer
            m.room.power_levels    | {'events': []}                                | "events" is not an object
            m.room.power_levels    | {'events': {'m.room.name': 'x'}}              | "events.m.room.name" is not an integer
            m.room.power_levels    | {'users': {'@a:b.c': 1.5e400}}                | "users.@a:b.c" is not an integer
            m.room.power_levels    | {'users': {'@a:b.c': [100]}}                  | "users.@a:b.c" is not an integer
            m.room.power_levels    | {'notifications': {'room': '5.5'}}            | "notifications.room" is not an integer
            m.room.tombstone       | {'body': 'gone'}                              | "replacement_room" is missing
            m.room.tombstone       | {'replacement_room': '#alias:x.org'}          | "replacement_room" is invalid
            m.room.pinned_events   | {}                                            | "pinned" is missing
            m.room.pinned_events   | {'pinned': '$a'}                              | "pinned" is not an array
            m.room.message         | {'body': 'hi'}                                | "msgtype" is missing
            m.room.message         | {'msgtype': 'm.text'}                         | "body" is missing
            m.room.message         | {'msgtype': 'm.text', 'body': null}           | "body" is not a string
            m.room.message         | {'msgtype': 'm.location', 'body': 'here'}     | "geo_uri" is missing
            m.room.redaction       | {'redacts': 5}                                | "redacts" is not a string
            m.room.redaction       | {'redacts': 'event'}                          | "redacts" is invalid
            m.reaction             | {}                                            | "m.relates_to" is missing
            m.reaction             | {'m.relates_to': {'rel_type': 'm.annotation', 'key': 'x'}} | "m.relates_to.event_id" is missing
            m.reaction             | {'m.relates_to': {'rel_type': 'm.reference', 'event_id': '$e', 'key': 'x'}} | "m.relates_to.rel_type" is not m.annotation
            m.reaction             | {'m.relates_to': {'rel_type': 'm.annotation', 'event_id': '$e'}} | "m.relates_to.key" is missing
            m.room.encrypted       | {'ciphertext': 'abc'}                         | "algorithm" is missing
            m.room.encrypted       | {'algorithm': 'x'}                            | "ciphertext" is missing
            m.room.encrypted       | {'algorithm': 'x', 'ciphertext': 5}           | "ciphertext" is neither a string nor an object
            m.sticker              | {'body': 'b', 'url': 'https://x.org/a.png'}   | "url" is invalid
            m.sticker              | {'url': 'mxc://x.org/a'}                      | "body" is missing
            m.typing               | {}                                            | "user_ids" is missing
            m.presence             | {'currently_active': true}                    | "presence" is missing
            m.fully_read           | {'event_id': 'nope'}                          | "event_id" is invalid
            m.tag                  | {'tags': ['u.work']}                          | "tags" is not an object
            m.ignored_user_list    | {}                                            | "ignored_users" is missing
            m.push_rules           | {'global': []}                                | "global" is not an object
            """)
    void failsNamingTheField(String type, String content, String error) {
        RawJson raw = SpecExamples.json(content);
        FailedToParse failed = assertInstanceOf(FailedToParse.class, EventRegistry.defaults().parseContent(type, raw));
        assertEquals(type, failed.type());
        assertEquals(raw, failed.content());
        if (!failed.error().startsWith(error)) {
            throw new AssertionError("expected an error starting with <" + error + "> but was <" + failed.error() + ">");
        }
    }
}
