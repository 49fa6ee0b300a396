package dev.mxj.examples;

import dev.mxj.MatrixClient;
import dev.mxj.account.WhoAmI;
import dev.mxj.auth.LoginRequest;
import dev.mxj.auth.RegistrationRequest;
import dev.mxj.auth.RegistrationResult;
import dev.mxj.auth.UiaHandler;
import dev.mxj.discovery.Capabilities;
import dev.mxj.discovery.Discovery;
import dev.mxj.crypto.module.OlmEncryptionModule;
import dev.mxj.crypto.olm.libolm.LibolmBackend;
import dev.mxj.crypto.store.MemoryCryptoStore;
import dev.mxj.discovery.DiscoveryResult;
import dev.mxj.store.sqlite.SqliteStore;
import dev.mxj.testkit.Dendrite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The demo: starts a throwaway local Dendrite, finds it by discovery, registers a user (answering
 * User-Interactive Authentication), logs in with a SQLite store, prints whoami and the server's
 * versions, "restarts" and resumes the session from the store without logging in, then has two
 * local users talk in a room with a reply, a reaction, an edit and a thread, and then end-to-end
 * encrypted (sdk-crypto's OlmMachine on libolm; Alice's keys in her SQLite file, under a passphrase).
 */
public final class Demo {
    public static void main(String[] args) throws Exception {
        Path storeFile = Files.createTempDirectory("mxj-demo").resolve("session.db");
        String name = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();

        say("Starting a throwaway Dendrite (the first run builds it with Go; that takes a few minutes)");
        try (Dendrite dendrite = Dendrite.builder().start()) {
            say("Dendrite is up at " + dendrite.baseUrl());

            DiscoveryResult.Found found;
            try (Discovery discovery = Discovery.create()) {
                found = discovery.discover(dendrite.baseUrl().toString()).join().orElseThrow();
            }
            say("Discovered homeserver " + found.homeserverUrl() + " (via " + found.source() + ")");
            say("Server speaks spec versions " + found.versions().versions());

            try (MatrixClient client = MatrixClient.builder().homeserverUrl(found.homeserverUrl()).build()) {
                say("Login flows: " + client.auth().loginFlows().join());
                RegistrationResult registered = client.auth()
                        .register(RegistrationRequest.of(name, password).withInhibitLogin(true), UiaHandler.automatic())
                        .join();
                say("Registered " + registered.userId() + " (UIA answered automatically)");
            }

            try (SqliteStore store = SqliteStore.open(storeFile);
                 MatrixClient client = MatrixClient.builder().homeserverUrl(found.homeserverUrl())
                         .stateStore(store).userAgent("mxj-demo").build()) {
                client.auth().login(LoginRequest.password(name, password)
                        .withInitialDeviceDisplayName("mxj demo")).join();
                WhoAmI me = client.account().whoami().join();
                say("Logged in: whoami says " + me.userId() + " on device " + me.deviceId().orElseThrow());
                Capabilities caps = client.server().capabilities().join();
                say("Capabilities: default room version " + caps.roomVersions().defaultVersion()
                        + ", can change password: " + caps.canChangePassword());
            }

            say("Restarting: a new client from the same SQLite store, no login, now with end-to-end encryption");
            char[] passphrase = UUID.randomUUID().toString().toCharArray(); // an app keeps it in a keychain
            try (SqliteStore store = SqliteStore.open(storeFile);
                 MatrixClient client = MatrixClient.builder().stateStore(store)
                         .encryption(OlmEncryptionModule.builder(LibolmBackend.create())
                                 .store(store.cryptoStore()).passphrase(passphrase).build())
                         .build()) {
                WhoAmI me = client.account().whoami().join();
                say("Resumed session: whoami says " + me.userId() + " on device " + me.deviceId().orElseThrow());

                String bobName = "bob-" + UUID.randomUUID().toString().substring(0, 8);
                OlmEncryptionModule bobsKeys = OlmEncryptionModule.builder(LibolmBackend.create())
                        .store(new MemoryCryptoStore()) // Bob's keys live in memory only
                        .passphrase(UUID.randomUUID().toString().toCharArray()).build();
                try (MatrixClient bob = MatrixClient.builder().homeserverUrl(found.homeserverUrl())
                        .encryption(bobsKeys).build()) {
                    bob.auth().register(RegistrationRequest.of(bobName, password), UiaHandler.automatic()).join();
                    say("Registered a second user, " + bob.session().orElseThrow().userId());
                    new Conversation(Demo::say).run(client, bob);
                    new EncryptedConversation(Demo::say).run(client, bob);
                }

                client.auth().logout().join();
                say("Logged out; the store holds no session any more: " + store.loadSession().isEmpty());
            }
        }
        say("Dendrite stopped. Done.");
    }

    private static void say(String line) {
        System.out.println("[demo] " + line);
    }
}
