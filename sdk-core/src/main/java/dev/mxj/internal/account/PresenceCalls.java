package dev.mxj.internal.account;

import dev.mxj.internal.Calls;
import dev.mxj.InvalidResponseException;
import dev.mxj.account.Presence;
import dev.mxj.account.PresenceState;
import dev.mxj.id.UserId;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.api.PresenceApi;
import dev.mxj.internal.http.ApiRequest;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@code /presence/{userId}/status}. */
final class PresenceCalls {
    static final String PRESENCE = "/_matrix/client/v3/presence";

    private final ClientContext context;

    PresenceCalls(ClientContext context) {
        this.context = context;
    }

    CompletableFuture<Presence> presence() {
        return Calls.asUser(context, this::presence);
    }

    CompletableFuture<Presence> presence(UserId user) {
        Objects.requireNonNull(user, "user");
        ApiRequest<PresenceApi.Response> request = ApiRequest.get(PRESENCE).segment(user.value()).segment("status")
                .parse(PresenceApi.Response.class);
        return Calls.map(context.transport().send(request), r -> {
            if (r.presence() == null || r.presence().isEmpty()) {
                throw new InvalidResponseException(request.endpoint() + " answered without \"presence\". "
                        + "Report it to the server's admin.");
            }
            return new Presence(PresenceState.of(r.presence()),
                    Optional.ofNullable(r.lastActiveAgo()).filter(ms -> ms >= 0).map(Duration::ofMillis),
                    Optional.ofNullable(r.statusMsg()), Optional.ofNullable(r.currentlyActive()));
        });
    }

    CompletableFuture<Void> setPresence(PresenceState state, Optional<String> statusMessage) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(statusMessage, "statusMessage");
        PresenceApi.Request body = new PresenceApi.Request(state.value(), statusMessage.orElse(null));
        return Calls.asUser(context, me -> context.transport().send(ApiRequest.put(PRESENCE)
                .segment(me.value()).segment("status").body(body).noContent()));
    }
}
