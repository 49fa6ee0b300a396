package dev.mxj.crypto.machine;

import dev.mxj.crypto.module.OlmEncryptionModule;
import dev.mxj.crypto.store.MemoryCryptoStore;
import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import dev.mxj.spi.CryptoRequest;
import dev.mxj.spi.CryptoTransport;
import dev.mxj.spi.EncryptionContext;
import dev.mxj.spi.RoomKeys;
import dev.mxj.spi.SyncCryptoChanges;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Clients of {@link OlmEncryptionModule} for module tests: each on a {@link MemoryCryptoStore}, its
 * transport answered by one {@link FakeKeyServer} on another thread, as a client's HTTP would be.
 * Every request is recorded, in {@link #sent} and in its client's own list. {@link #close} detaches
 * every module.
 */
final class ModuleClients implements AutoCloseable {
    final FakeKeyServer server = new FakeKeyServer();
    final List<CryptoRequest> sent = new CopyOnWriteArrayList<>();
    private final List<OlmEncryptionModule> modules = new ArrayList<>();

    /** A new client (its module attached) for {@code user}'s device {@code device}. */
    Client client(String user, String device) {
        return new Client(user, device);
    }

    @Override
    public void close() {
        modules.forEach(OlmEncryptionModule::detach);
    }

    /** A client's side: module, context (transport to the fake key server), announced keys. */
    final class Client implements EncryptionContext {
        final UserId user;
        final DeviceId device;
        final OlmEncryptionModule module;
        final List<RoomKeys> announced = new CopyOnWriteArrayList<>();
        final List<CryptoRequest> sent = new CopyOnWriteArrayList<>();

        private Client(String user, String device) {
            this.user = UserId.of(user);
            this.device = DeviceId.of(device);
            MemoryCryptoStore store = new MemoryCryptoStore();
            this.module = OlmEncryptionModule.builder(TestNet.OLM).store((u, d) -> store)
                    .passphrase("pw".toCharArray()).config(MachineConfig.defaults().withPickleIterations(1000)).build();
            modules.add(module);
            module.attach(this).join();
        }

        @Override
        public UserId userId() {
            return user;
        }

        @Override
        public DeviceId deviceId() {
            return device;
        }

        @Override
        public CryptoTransport transport() {
            return request -> {
                sent.add(request);
                ModuleClients.this.sent.add(request);
                return CompletableFuture.supplyAsync(() -> server.handle(new DeviceKey(user, device),
                        toMachine(request)));
            };
        }

        @Override
        public void roomKeysReceived(RoomKeys keys) {
            announced.add(keys);
        }

        void sync(Set<UserId> members) {
            DeviceKey key = new DeviceKey(user, device);
            module.receiveSync(new SyncCryptoChanges("t", server.takeInbox(key), server.takeChanged(key), Set.of(),
                    server.oneTimeKeyCounts(key), server.unusedFallbackTypes(key), members)).join();
        }
    }

    private static OutgoingRequest toMachine(CryptoRequest r) {
        RawJson body = r.body().orElseThrow();
        if (r.path().endsWith("/sendToDevice")) {
            return new OutgoingRequest.ToDevice(r.segments().get(1), r.segments().get(0), body);
        }
        return switch (r.path()) {
            case "/_matrix/client/v3/keys/upload" -> new OutgoingRequest.KeysUpload("u", body);
            case "/_matrix/client/v3/keys/query" -> new OutgoingRequest.KeysQuery("q", Set.of(), body);
            case "/_matrix/client/v3/keys/claim" -> new OutgoingRequest.KeysClaim("c", body);
            default -> throw new AssertionError("unexpected request " + r);
        };
    }

    /** Background sends run on other threads: waits (up to 10 s) until {@code condition} holds. */
    static void await(BooleanSupplier condition) {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
