package dev.mxj.account;

import dev.mxj.InvalidResponseException;
import dev.mxj.MatrixClient;
import dev.mxj.event.TagContent;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.mxj.account.AccountDataTest.ROOM;
import static dev.mxj.account.AccountTestSupport.ME;
import static dev.mxj.account.AccountTestSupport.assertJson;
import static dev.mxj.account.AccountTestSupport.await;
import static dev.mxj.account.AccountTestSupport.body;
import static dev.mxj.account.AccountTestSupport.expect;
import static dev.mxj.account.AccountTestSupport.failure;
import static dev.mxj.account.AccountTestSupport.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Room tags against the spec's examples. */
class AccountTagsTest {
    private static final String TAGS = "/_matrix/client/v3/user/" + ME + "/rooms/" + ROOM + "/tags";

    private final MockHomeserver server = MockHomeserver.start();
    private final MatrixClient client = server.loggedInClient();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void listsTags() {
        server.ok(spec("tags.json"));

        TagContent tags = await(client.account().tags(ROOM));

        expect(server, "GET", TAGS);
        assertEquals(3, tags.tags().size());
        assertEquals(Optional.of(0.1), tags.tags().get(TagContent.FAVOURITE).order());
        assertEquals(Optional.of(0.7), tags.tags().get("u.Work").order());
        assertEquals(Optional.empty(), tags.tags().get("u.Customers").order());
    }

    @Test
    void noTagsIsAnEmptyMap() {
        server.ok("{\"tags\":{}}").ok("{}");

        assertTrue(await(client.account().tags(ROOM)).tags().isEmpty());
        assertTrue(await(client.account().tags(ROOM)).tags().isEmpty());
    }

    @Test
    void aMalformedAnswerIsAnInvalidResponse() {
        server.ok("{\"tags\":[\"m.favourite\"]}");

        failure(client.account().tags(ROOM), InvalidResponseException.class);
    }

    @Test
    void addsATagWithAndWithoutAnOrder() {
        server.ok("{}").ok("{}");

        await(client.account().addTag(ROOM, "u.work", 0.25));
        await(client.account().addTag(ROOM, TagContent.FAVOURITE));

        assertJson(spec("tag.json"), body(expect(server, "PUT", TAGS + "/u.work")));
        assertJson("{}", body(expect(server, "PUT", TAGS + "/m.favourite")));
    }

    @Test
    void removesATag() {
        server.ok("{}");

        await(client.account().removeTag(ROOM, "u.a/b c"));

        RecordedRequest request = expect(server, "DELETE", TAGS + "/u.a/b c");
        assertTrue(request.getUrl().encodedPath().endsWith("/tags/u.a%2Fb%20c"), request.getUrl().encodedPath());
    }

    @Test
    void badTagArgumentsThrowAtOnce() {
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> client.account().addTag(ROOM, "u.work", 1.5));
        assertEquals("A tag order must be a number in [0, 1], was 1.5.", order.getMessage());
        assertThrows(IllegalArgumentException.class, () -> client.account().addTag(ROOM, "u.work", -0.1));
        assertThrows(IllegalArgumentException.class, () -> client.account().addTag(ROOM, "u.work", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> client.account().addTag(ROOM, ""));
        assertThrows(IllegalArgumentException.class, () -> client.account().removeTag(ROOM, ""));
        assertEquals(0, server.requestCount());
    }
}
