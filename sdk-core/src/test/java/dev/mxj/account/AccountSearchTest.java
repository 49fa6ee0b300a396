package dev.mxj.account;

import dev.mxj.MatrixClient;
import dev.mxj.event.MalformedEvent;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.RoomMessageContent;
import dev.mxj.id.EventId;
import dev.mxj.id.MxcUri;
import dev.mxj.id.RoomId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.mxj.account.AccountTestSupport.assertJson;
import static dev.mxj.account.AccountTestSupport.await;
import static dev.mxj.account.AccountTestSupport.body;
import static dev.mxj.account.AccountTestSupport.expect;
import static dev.mxj.account.AccountTestSupport.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** User directory and server-side search against the spec's examples. */
class AccountSearchTest {
    private static final RoomId ROOM = RoomId.of("!qPewotXpIctQySfjSy:localhost");

    private final MockHomeserver server = MockHomeserver.start();
    private final MatrixClient client = server.loggedInClient();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void searchesTheUserDirectory() {
        server.ok(spec("user-directory.json")).ok("{\"results\":[{\"user_id\":\"not-a-user\"}],\"limited\":true}");

        UserDirectoryResults found = await(client.account().searchUsers("foo", 5));
        UserDirectoryResults odd = await(client.account().searchUsers("x"));

        assertJson("{\"search_term\":\"foo\",\"limit\":5}",
                body(expect(server, "POST", "/_matrix/client/v3/user_directory/search")));
        assertJson("{\"search_term\":\"x\"}", body(server.take()));
        assertEquals(List.of(new DirectoryUser(UserId.of("@foo:bar.com"), Optional.of("Foo"),
                Optional.of(MxcUri.of("mxc://bar.com/foo")))), found.users());
        assertFalse(found.limited());
        assertEquals(List.of(), odd.users(), "an entry with an invalid user ID is skipped");
        assertTrue(odd.limited());
    }

    @Test
    void aDirectoryLimitBelowOneIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> client.account().searchUsers("foo", 0));
        assertEquals("User directory limit must be at least 1, was 0.", e.getMessage());
    }

    @Test
    void sendsTheSpecExampleRequest() {
        server.ok(spec("search-response.json"));

        await(client.account().search(SearchRequest.of("martians and men").withKeys(SearchRequest.Key.BODY)
                .withOrder(SearchRequest.Order.RECENT)));

        RawJson sent = body(expect(server, "POST", "/_matrix/client/v3/search"));
        RawJson expected = RawJson.parse(spec("search-request.json"));
        // mxj does not ask for groupings; everything else is the spec's example.
        RawJson criteria = expected.object("search_categories").flatMap(c -> c.object("room_events")).orElseThrow();
        RawJson sentCriteria = sent.object("search_categories").flatMap(c -> c.object("room_events")).orElseThrow();
        assertEquals(criteria.string("search_term"), sentCriteria.string("search_term"));
        assertEquals(criteria.strings("keys"), sentCriteria.strings("keys"));
        assertEquals(criteria.string("order_by"), sentCriteria.string("order_by"));
        assertEquals(Set.of("search_term", "keys", "order_by"), sentCriteria.keys());
    }

    @Test
    void readsTheSpecExampleResponse() {
        server.ok(spec("search-response.json"));

        SearchResults results = await(client.account().search(SearchRequest.of("martians and men")));

        assertEquals(Optional.of(1224L), results.count());
        assertEquals(List.of("martians", "men"), results.highlights());
        assertEquals(Optional.of("5FdgFsd234dfgsdfFD"), results.nextBatch());
        assertEquals(1, results.results().size());
        SearchResult hit = results.results().get(0);
        assertEquals(Optional.of(0.00424866), hit.rank());
        assertEquals(Optional.of(ROOM), hit.roomId());
        assertEquals(Optional.empty(), hit.context());
        RoomEvent event = assertInstanceOf(RoomEvent.class, hit.event());
        assertEquals(EventId.of("$144429830826TWwbB:localhost"), event.eventId());
        RoomMessageContent message = assertInstanceOf(RoomMessageContent.class, event.content());
        assertEquals("This is an example text message", message.body());
        assertEquals(1, results.raw().object("groups").orElseThrow().keys().size());
    }

    @Test
    void pagesWithNextBatchAndNarrowsToRooms() {
        server.ok("{\"search_categories\":{\"room_events\":{\"results\":[],\"count\":0,\"next_batch\":\"\"}}}");

        SearchResults page = await(client.account().search(SearchRequest.of("x").withRooms(ROOM).withLimit(3)
                .withContext(1, 2, true).withNextBatch("5FdgFsd234dfgsdfFD")));

        RecordedRequest request = expect(server, "POST", "/_matrix/client/v3/search");
        assertEquals("5FdgFsd234dfgsdfFD", request.getUrl().queryParameter("next_batch"));
        assertJson("{\"search_categories\":{\"room_events\":{\"search_term\":\"x\",\"filter\":{\"rooms\":[\""
                + ROOM + "\"],\"limit\":3},\"event_context\":{\"before_limit\":1,\"after_limit\":2,"
                + "\"include_profile\":true}}}}", body(request));
        assertEquals(Optional.empty(), page.nextBatch(), "an empty next_batch (Dendrite) means the last page");
        assertEquals(List.of(), page.results());
    }

    @Test
    void readsContextAndKeepsMalformedEvents() {
        server.ok("{\"search_categories\":{\"room_events\":{\"results\":[{\"result\":{\"type\":\"m.room.message\"},"
                + "\"context\":{\"start\":\"s\",\"end\":\"e\",\"events_before\":[{\"type\":\"m.room.message\","
                + "\"event_id\":\"$a\",\"sender\":\"@bob:example.org\",\"origin_server_ts\":1,\"content\":{}}],"
                + "\"profile_info\":{\"@bob:example.org\":{\"displayname\":\"Bob\"},\"nobody\":{}}}}]}}}");

        SearchResult hit = await(client.account().search(SearchRequest.of("x"))).results().get(0);

        assertInstanceOf(MalformedEvent.class, hit.event());
        assertEquals(Optional.empty(), hit.rank());
        SearchResult.Context context = hit.context().orElseThrow();
        assertEquals(1, context.before().size());
        assertEquals(List.of(), context.after());
        assertEquals(Optional.of("s"), context.start());
        assertEquals(Optional.of("Bob"), context.profiles().get(UserId.of("@bob:example.org")).displayName());
        assertEquals(1, context.profiles().size());
    }

    @Test
    void anAnswerWithoutRoomEventsIsAnEmptyPage() {
        server.ok("{\"search_categories\":{}}");

        SearchResults page = await(client.account().search(SearchRequest.of("x")));

        assertEquals(List.of(), page.results());
        assertEquals(Optional.empty(), page.count());
    }

    @Test
    void badSearchRequestsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SearchRequest.of("x").withLimit(0));
        assertThrows(IllegalArgumentException.class, () -> SearchRequest.of("x").withContext(-1, 0, false));
        assertThrows(IllegalArgumentException.class, () -> SearchRequest.of("x").withNextBatch(""));
        assertThrows(NullPointerException.class, () -> SearchRequest.of(null));
    }
}
