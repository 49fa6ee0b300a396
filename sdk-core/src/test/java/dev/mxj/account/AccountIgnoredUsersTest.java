package dev.mxj.account;

import dev.mxj.MatrixClient;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.mxj.account.AccountTestSupport.ME;
import static dev.mxj.account.AccountTestSupport.assertJson;
import static dev.mxj.account.AccountTestSupport.await;
import static dev.mxj.account.AccountTestSupport.body;
import static dev.mxj.account.AccountTestSupport.expect;
import static dev.mxj.account.AccountTestSupport.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code m.ignored_user_list}: read, change, write back. */
class AccountIgnoredUsersTest {
    private static final String LIST = "/_matrix/client/v3/user/" + ME + "/account_data/m.ignored_user_list";
    private static final String EXAMPLE = MockHomeserver.resource("/spec-examples/events/m.ignored_user_list.json");
    private static final UserId SOMEONE = UserId.of("@someone:example.org");
    private static final UserId BOB = UserId.of("@bob:example.org");

    private final MockHomeserver server = MockHomeserver.start();
    private final MatrixClient client = server.loggedInClient();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    private static String exampleContent() {
        return RawJson.parse(EXAMPLE).object("content").orElseThrow().json();
    }

    @Test
    void listsTheSpecExample() {
        server.ok(exampleContent());

        assertEquals(Set.of(SOMEONE), await(client.account().ignoredUsers()));
        expect(server, "GET", LIST);
    }

    @Test
    void noListMeansNobodyIsIgnored() {
        server.json(404, spec("account-data-404.json"));

        assertEquals(Set.of(), await(client.account().ignoredUsers()));
    }

    @Test
    void ignoringAddsToTheListAndKeepsTheRest() {
        server.ok("{\"ignored_users\":{\"@someone:example.org\":{\"note\":1}},\"org.example.extra\":true}").ok("{}");

        await(client.account().ignoreUser(BOB));

        expect(server, "GET", LIST);
        assertJson("{\"ignored_users\":{\"@someone:example.org\":{\"note\":1},\"@bob:example.org\":{}},"
                + "\"org.example.extra\":true}", body(expect(server, "PUT", LIST)));
    }

    @Test
    void ignoringWithNoListCreatesIt() {
        server.json(404, spec("account-data-404.json")).ok("{}");

        await(client.account().ignoreUser(BOB));

        server.take();
        assertJson("{\"ignored_users\":{\"@bob:example.org\":{}}}", body(server.take()));
    }

    @Test
    void unignoringRemovesOnlyThatUser() {
        server.ok("{\"ignored_users\":{\"@someone:example.org\":{},\"@bob:example.org\":{}}}").ok("{}");

        await(client.account().unignoreUser(BOB));

        server.take();
        assertJson(exampleContent(), body(expect(server, "PUT", LIST)));
    }

    @Test
    void noChangeMeansNoWrite() {
        server.ok(exampleContent()).ok(exampleContent());

        await(client.account().ignoreUser(SOMEONE));
        await(client.account().unignoreUser(BOB));

        assertEquals(2, server.requestCount());
    }

    @Test
    void thisClientsChangesRunOneAtATime() {
        // The first read is slow: the second change must still see the first one's write.
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                        .body(exampleContent()).headersDelay(200, TimeUnit.MILLISECONDS).build())
                .ok("{}")
                .ok("{\"ignored_users\":{\"@someone:example.org\":{},\"@bob:example.org\":{}}}")
                .ok("{}");
        UserId carol = UserId.of("@carol:example.org");

        CompletableFuture<Void> first = client.account().ignoreUser(BOB);
        CompletableFuture<Void> second = client.account().ignoreUser(carol);
        await(CompletableFuture.allOf(first, second));

        assertEquals("GET", server.take().getMethod());
        assertEquals("PUT", server.take().getMethod());
        assertEquals("GET", server.take().getMethod());
        assertJson("{\"ignored_users\":{\"@someone:example.org\":{},\"@bob:example.org\":{},\"@carol:example.org\":{}}}",
                body(server.take()));
    }

    @Test
    void cancellingDuringTheReadSkipsTheWriteAndLaterChangesStillRun() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(exampleContent()).headersDelay(300, TimeUnit.MILLISECONDS).build());

        CompletableFuture<Void> cancelled = client.account().ignoreUser(BOB);
        expect(server, "GET", LIST);
        cancelled.cancel(true);
        Thread.sleep(600);

        assertEquals(1, server.requestCount(), "no write after a cancelled read");
        server.ok(exampleContent()).ok("{}");
        await(client.account().ignoreUser(BOB));
        assertEquals("GET", server.take().getMethod());
        assertJson("{\"ignored_users\":{\"@someone:example.org\":{},\"@bob:example.org\":{}}}", body(server.take()));
    }
}
