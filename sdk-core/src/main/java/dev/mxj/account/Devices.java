package dev.mxj.account;

import dev.mxj.auth.UiaHandler;
import dev.mxj.id.DeviceId;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The user's devices (sessions): list, rename, delete. From {@link Account#devices()}.
 *
 * <p>Deleting devices uses User-Interactive Authentication: most servers ask for the password,
 * so pass {@code UiaHandler.automatic().withPassword(userId, password)} or a handler that asks
 * the user. Deleting this client's own device also ends its session, as a logout does.
 */
public interface Devices {
    /** {@code GET /devices}: every device of the user. */
    CompletableFuture<List<Device>> list();

    /** {@code GET /devices/{deviceId}}; empty when the user has no such device (HTTP 404). */
    CompletableFuture<Optional<Device>> get(DeviceId deviceId);

    /**
     * {@code PUT /devices/{deviceId}}: sets the device's display name, which other users may see.
     * Fails with {@link dev.mxj.MatrixApiException} {@code M_NOT_FOUND} for an unknown device.
     */
    CompletableFuture<Void> rename(DeviceId deviceId, String displayName);

    /**
     * {@code DELETE /devices/{deviceId}}: deletes the device and signs it out. Completes normally
     * if it was already gone.
     *
     * @return fails with {@link dev.mxj.UnsupportedAuthStageException} when {@code uia} cannot
     *         complete any flow, or with the server's error (e.g. {@code M_FORBIDDEN} for a wrong password)
     */
    CompletableFuture<Void> delete(DeviceId deviceId, UiaHandler uia);

    /**
     * {@code POST /delete_devices}: deletes several devices under one authentication. An empty
     * collection completes at once without a request.
     */
    CompletableFuture<Void> delete(Collection<DeviceId> deviceIds, UiaHandler uia);
}
