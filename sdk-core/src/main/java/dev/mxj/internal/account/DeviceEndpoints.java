package dev.mxj.internal.account;

import dev.mxj.internal.Calls;
import dev.mxj.account.Device;
import dev.mxj.account.Devices;
import dev.mxj.auth.Session;
import dev.mxj.auth.UiaHandler;
import dev.mxj.id.DeviceId;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.api.DevicesApi;
import dev.mxj.internal.auth.UiaRunner;
import dev.mxj.internal.http.ApiRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@link Devices} over HTTP: {@code /devices}, {@code /devices/{deviceId}}, {@code /delete_devices}. */
final class DeviceEndpoints implements Devices {
    static final String DEVICES = "/_matrix/client/v3/devices";
    static final String DELETE_DEVICES = "/_matrix/client/v3/delete_devices";
    private static final Logger LOG = LoggerFactory.getLogger(DeviceEndpoints.class);

    private final ClientContext context;

    DeviceEndpoints(ClientContext context) {
        this.context = context;
    }

    @Override
    public CompletableFuture<List<Device>> list() {
        return Calls.map(context.transport().send(ApiRequest.get(DEVICES).parse(DevicesApi.ListResponse.class)),
                response -> {
                    List<Device> devices = new ArrayList<>();
                    for (DevicesApi.Device d : response.devices() == null ? List.<DevicesApi.Device>of()
                            : response.devices()) {
                        toDevice(d).ifPresent(devices::add);
                    }
                    return List.copyOf(devices);
                });
    }

    @Override
    public CompletableFuture<Optional<Device>> get(DeviceId deviceId) {
        Objects.requireNonNull(deviceId, "deviceId");
        return Calls.map(Calls.emptyIfNotFound(context.transport().send(ApiRequest.get(DEVICES)
                .segment(deviceId.value()).parse(DevicesApi.Device.class))), d -> d.flatMap(DeviceEndpoints::toDevice));
    }

    @Override
    public CompletableFuture<Void> rename(DeviceId deviceId, String displayName) {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(displayName, "displayName");
        return context.transport().send(ApiRequest.put(DEVICES).segment(deviceId.value())
                .body(new DevicesApi.Update(displayName)).noContent());
    }

    @Override
    public CompletableFuture<Void> delete(DeviceId deviceId, UiaHandler uia) {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(uia, "uia");
        CompletableFuture<Void> deleted = UiaRunner.run(context.transport(), auth -> ApiRequest.delete(DEVICES)
                .segment(deviceId.value()).body(new DevicesApi.DeleteOne(auth)).noContent(), uia);
        return afterDeletion(deleted, List.of(deviceId));
    }

    @Override
    public CompletableFuture<Void> delete(Collection<DeviceId> deviceIds, UiaHandler uia) {
        Objects.requireNonNull(deviceIds, "deviceIds");
        Objects.requireNonNull(uia, "uia");
        List<DeviceId> ids = List.copyOf(new LinkedHashSet<>(deviceIds));
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> deleted = UiaRunner.run(context.transport(), auth -> ApiRequest.post(DELETE_DEVICES)
                .body(new DevicesApi.DeleteMany(ids, auth)).noContent(), uia);
        return afterDeletion(deleted, ids);
    }

    /** Deleting this client's own device ends its session, as a logout does. */
    private CompletableFuture<Void> afterDeletion(CompletableFuture<Void> deleted, List<DeviceId> ids) {
        Optional<DeviceId> mine = context.sessions().session().map(Session::deviceId);
        return Calls.map(deleted, ignored -> {
            if (mine.isPresent() && ids.contains(mine.get())) {
                LOG.debug("This client's device {} was deleted; the session ends", mine.get());
                context.sessions().loggedOut();
            }
            return null;
        });
    }

    static Optional<Device> toDevice(DevicesApi.Device d) {
        if (d == null || d.deviceId() == null || d.deviceId().isEmpty()) {
            LOG.debug("The server listed a device without a device_id; skipped");
            return Optional.empty();
        }
        return Optional.of(new Device(DeviceId.of(d.deviceId()), Optional.ofNullable(d.displayName()),
                Optional.ofNullable(d.lastSeenIp()), Optional.ofNullable(d.lastSeenTs()).map(Instant::ofEpochMilli)));
    }
}
