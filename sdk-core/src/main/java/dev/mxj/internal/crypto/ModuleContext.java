package dev.mxj.internal.crypto;

import dev.mxj.id.DeviceId;
import dev.mxj.id.UserId;
import dev.mxj.internal.http.ApiRequest;
import dev.mxj.internal.http.Transport;
import dev.mxj.json.RawJson;
import dev.mxj.spi.CryptoRequest;
import dev.mxj.spi.CryptoTransport;
import dev.mxj.spi.EncryptionContext;
import dev.mxj.spi.RoomKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The {@link EncryptionContext} of one attachment: the session's user and device, the client's transport. */
final class ModuleContext implements EncryptionContext, CryptoTransport {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleContext.class);

    private final UserId userId;
    private final DeviceId deviceId;
    private final Transport transport;
    private final Consumer<RoomKeys> keys;

    ModuleContext(UserId userId, DeviceId deviceId, Transport transport, Consumer<RoomKeys> keys) {
        this.userId = userId;
        this.deviceId = deviceId;
        this.transport = transport;
        this.keys = keys;
    }

    @Override
    public UserId userId() {
        return userId;
    }

    @Override
    public DeviceId deviceId() {
        return deviceId;
    }

    @Override
    public CryptoTransport transport() {
        return this;
    }

    @Override
    public void roomKeysReceived(RoomKeys received) {
        try {
            keys.accept(received);
        } catch (RuntimeException e) {
            LOG.warn("Could not announce room keys of {}", received.roomId(), e);
        }
    }

    @Override
    public CompletableFuture<RawJson> send(CryptoRequest request) {
        return transport.send(toApiRequest(request));
    }

    static ApiRequest<RawJson> toApiRequest(CryptoRequest request) {
        ApiRequest.Builder b = switch (request.method()) {
            case "GET" -> ApiRequest.get(request.path());
            case "PUT" -> ApiRequest.put(request.path());
            default -> ApiRequest.post(request.path());
        };
        request.segments().forEach(b::segment);
        for (Map.Entry<String, String> q : request.query().entrySet()) {
            b.query(q.getKey(), q.getValue());
        }
        request.body().ifPresent(b::body);
        return b.idempotent(request.repeatable()).raw();
    }
}
