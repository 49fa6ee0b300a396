package dev.mxj.account;

import dev.mxj.InvalidResponseException;
import dev.mxj.MatrixClient;
import dev.mxj.event.DirectContent;
import dev.mxj.event.RoomEvent;
import dev.mxj.event.RoomMessageContent;
import dev.mxj.event.TagContent;
import dev.mxj.id.EventId;
import dev.mxj.id.MxcUri;
import dev.mxj.id.RoomId;
import dev.mxj.json.RawJson;
import dev.mxj.testing.RawClient;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;

import static dev.mxj.account.DendriteAccounts.await;
import static dev.mxj.account.DendriteAccounts.client;
import static dev.mxj.account.DendriteAccounts.eventually;
import static dev.mxj.account.DendriteAccounts.id;
import static dev.mxj.account.DendriteAccounts.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Profile, account data, tags, ignored users, presence and searches against a real Dendrite. */
@ExtendWith(DendriteExtension.class)
class AccountIT {

    @Test
    void setsTheProfileAndAnotherUserReadsIt(Dendrite dendrite, TestUser alice, TestUser bob) {
        MxcUri avatar = MxcUri.of("mxc://" + dendrite.serverName() + "/AccountITavatar");
        try (MatrixClient me = client(dendrite, alice); MatrixClient other = client(dendrite, bob)) {
            await(me.account().setDisplayName("Alice In IT"));
            await(me.account().setAvatarUrl(avatar));

            Profile mine = await(me.account().profile());
            Profile seen = await(other.account().profile(id(alice)));

            assertEquals(Optional.of("Alice In IT"), mine.displayName());
            assertEquals(Optional.of(avatar), mine.avatarUrl());
            assertEquals(mine.displayName(), seen.displayName());
            assertEquals(mine.avatarUrl(), seen.avatarUrl());
            assertEquals(Optional.of("Alice In IT"), await(other.account().displayName(id(alice))));
            assertEquals(Optional.of(avatar), await(other.account().avatarUrl(id(alice))));
        }
    }

    @Test
    void globalAndRoomAccountData(Dendrite dendrite, TestUser alice, TestUser bob) {
        RoomId room = RoomId.of(raw(dendrite, alice).createRoom(Map.of()));
        try (MatrixClient me = client(dendrite, alice)) {
            assertEquals(Optional.empty(), await(me.account().accountData("dev.mxj.it.none")));
            assertEquals(Optional.empty(), await(me.account().roomAccountData(room, "dev.mxj.it.none")));

            await(me.account().setAccountData("dev.mxj.it.config", RawJson.parse("{\"theme\":\"dark\",\"n\":3}")));
            await(me.account().setRoomAccountData(room, "dev.mxj.it.colour", RawJson.parse("{\"colour\":\"blue\"}")));
            await(me.account().setAccountData(new DirectContent(Map.of(id(bob), List.of(room)))));

            RawJson config = await(me.account().accountData("dev.mxj.it.config")).orElseThrow();
            assertEquals(Optional.of("dark"), config.string("theme"));
            assertEquals(Optional.of(3L), config.longValue("n"));
            assertEquals(Optional.of("blue"), await(me.account().roomAccountData(room, "dev.mxj.it.colour"))
                    .orElseThrow().string("colour"));
            assertEquals(Map.of(id(bob), List.of(room)),
                    await(me.account().accountData(DirectContent.class)).orElseThrow().rooms());
        }
    }

    @Test
    void tagsARoomAndUntagsIt(Dendrite dendrite, TestUser alice) {
        RoomId room = RoomId.of(raw(dendrite, alice).createRoom(Map.of()));
        try (MatrixClient me = client(dendrite, alice)) {
            assertTrue(await(me.account().tags(room)).tags().isEmpty());

            await(me.account().addTag(room, TagContent.FAVOURITE, 0.25));
            await(me.account().addTag(room, "u.work"));
            TagContent tags = await(me.account().tags(room));

            assertEquals(Set.of(TagContent.FAVOURITE, "u.work"), tags.tags().keySet());
            assertEquals(Optional.of(0.25), tags.tags().get(TagContent.FAVOURITE).order());
            assertEquals(Optional.of(tags), await(me.account().roomAccountData(room, TagContent.class)));

            await(me.account().removeTag(room, TagContent.FAVOURITE));
            assertEquals(Set.of("u.work"), await(me.account().tags(room)).tags().keySet());
        }
    }

    @Test
    void ignoresAndUnignores(Dendrite dendrite, TestUser alice, TestUser bob, TestUser carol) {
        try (MatrixClient me = client(dendrite, alice)) {
            assertEquals(Set.of(), await(me.account().ignoredUsers()));

            await(me.account().ignoreUser(id(bob)));
            await(me.account().ignoreUser(id(carol)));
            assertEquals(Set.of(id(bob), id(carol)), await(me.account().ignoredUsers()));

            await(me.account().unignoreUser(id(bob)));
            assertEquals(Set.of(id(carol)), await(me.account().ignoredUsers()));
        }
    }

    @Test
    void setsAndReadsPresence(Dendrite dendrite, TestUser alice, TestUser bob) {
        // Dendrite stores presence asynchronously: a read right after a write may see the old state.
        try (MatrixClient me = client(dendrite, alice); MatrixClient other = client(dendrite, bob)) {
            await(me.account().setPresence(PresenceState.UNAVAILABLE, "In a meeting"));

            Presence mine = eventually(() -> presenceIs(me, PresenceState.UNAVAILABLE), "store presence");
            assertEquals(Optional.of("In a meeting"), mine.statusMessage());
            assertEquals(PresenceState.UNAVAILABLE, await(other.account().presence(id(alice))).state());

            await(me.account().setPresence(PresenceState.ONLINE));
            eventually(() -> presenceIs(me, PresenceState.ONLINE), "store the new presence");
        }
    }

    /**
     * The client's own presence if it is {@code state}, else null. Until Dendrite has stored a
     * user's first presence it answers {@code {}}, which mxj reports as an invalid response: that
     * counts as "not yet" too.
     */
    private static Presence presenceIs(MatrixClient client, PresenceState state) {
        Presence presence;
        try {
            presence = await(client.account().presence());
        } catch (CompletionException e) {
            if (e.getCause() instanceof InvalidResponseException) {
                return null;
            }
            throw e;
        }
        return presence.state().equals(state) ? presence : null;
    }

    @Test
    void findsAUserWhoSharesARoom(Dendrite dendrite, TestUser alice, TestUser bob) {
        // Dendrite's directory holds only users who share a room with the searcher.
        RawClient aliceRaw = raw(dendrite, alice);
        String room = aliceRaw.createRoom(Map.of());
        aliceRaw.invite(room, bob.userId());
        raw(dendrite, bob).join(room);
        try (MatrixClient me = client(dendrite, alice)) {
            UserDirectoryResults found = eventually(() -> {
                UserDirectoryResults r = await(me.account().searchUsers(bob.localpart()));
                return r.users().stream().anyMatch(u -> u.userId().equals(id(bob))) ? r : null;
            }, "list " + bob.userId() + " in the user directory");

            assertTrue(found.users().stream().allMatch(u -> u.userId().value().contains(bob.localpart())
                    || u.displayName().orElse("").contains(bob.localpart())), found::toString);
        }
    }

    @Test
    void searchFindsAMessage(Dendrite dendrite, TestUser alice) {
        RawClient aliceRaw = raw(dendrite, alice);
        RoomId room = RoomId.of(aliceRaw.createRoom(Map.of()));
        String word = "zebrafish" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "q");
        EventId sent = EventId.of(aliceRaw.send(room.value(), "the " + word + " swims"));
        try (MatrixClient me = client(dendrite, alice)) {
            SearchRequest request = SearchRequest.of(word).withRooms(room).withKeys(SearchRequest.Key.BODY)
                    .withOrder(SearchRequest.Order.RECENT).withContext(1, 1, true);
            SearchResults results = eventually(() -> {
                SearchResults r = await(me.account().search(request));
                return r.results().isEmpty() ? null : r;
            }, "index the message");

            assertEquals(1, results.results().size());
            SearchResult hit = results.results().get(0);
            RoomEvent event = (RoomEvent) hit.event();
            assertEquals(sent, event.eventId());
            assertEquals("the " + word + " swims", ((RoomMessageContent) event.content()).body());
            assertEquals(Optional.of(room), hit.roomId());
            assertEquals(Optional.of(1L), results.count());
            assertEquals(Optional.empty(), results.nextBatch());
            assertTrue(hit.rank().isPresent());
        }
    }

    @Test
    void aNewAccountHasNoThirdPartyIds(Dendrite dendrite, TestUser alice) {
        try (MatrixClient me = client(dendrite, alice)) {
            assertEquals(List.of(), await(me.account().thirdPartyIds().list()));
        }
    }
}
