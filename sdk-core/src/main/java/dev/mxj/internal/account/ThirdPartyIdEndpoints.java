package dev.mxj.internal.account;

import dev.mxj.internal.Calls;
import dev.mxj.account.ThirdPartyId;
import dev.mxj.account.ThirdPartyIds;
import dev.mxj.account.ThreePidCredentials;
import dev.mxj.account.UnbindResult;
import dev.mxj.account.ValidationSession;
import dev.mxj.InvalidResponseException;
import dev.mxj.auth.UiaHandler;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.api.ThirdPartyIdsApi;
import dev.mxj.internal.auth.UiaRunner;
import dev.mxj.internal.http.ApiRequest;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@link ThirdPartyIds} over HTTP: {@code /account/3pid} and its sub-paths. */
final class ThirdPartyIdEndpoints implements ThirdPartyIds {
    static final String THREEPID = "/_matrix/client/v3/account/3pid";

    private final ClientContext context;

    ThirdPartyIdEndpoints(ClientContext context) {
        this.context = context;
    }

    @Override
    public CompletableFuture<List<ThirdPartyId>> list() {
        return Calls.map(context.transport().send(ApiRequest.get(THREEPID).parse(ThirdPartyIdsApi.ListResponse.class)),
                response -> {
                    List<ThirdPartyId> ids = new ArrayList<>();
                    for (ThirdPartyIdsApi.ThreePid t : response.threepids() == null
                            ? List.<ThirdPartyIdsApi.ThreePid>of() : response.threepids()) {
                        if (t != null && t.medium() != null && t.address() != null) {
                            ids.add(new ThirdPartyId(t.medium(), t.address(), instant(t.validatedAt()),
                                    instant(t.addedAt())));
                        }
                    }
                    return List.copyOf(ids);
                });
    }

    @Override
    public CompletableFuture<ValidationSession> requestEmailToken(String clientSecret, String email, int sendAttempt) {
        ClientSecrets.check(clientSecret);
        Checks.nonEmpty(email, "email address");
        Checks.atLeastOne(sendAttempt, "send attempt");
        ApiRequest<ThirdPartyIdsApi.TokenResponse> request = ApiRequest.post(THREEPID + "/email/requestToken")
                .unauthenticated().idempotent(true)
                .body(new ThirdPartyIdsApi.EmailTokenRequest(clientSecret, email, sendAttempt))
                .parse(ThirdPartyIdsApi.TokenResponse.class);
        return Calls.map(context.transport().send(request), r -> {
            if (r.sid() == null || r.sid().isEmpty()) {
                throw new InvalidResponseException(request.endpoint() + " answered without a \"sid\". "
                        + "Report it to the server's admin.");
            }
            Optional<URI> submit = Optional.ofNullable(r.submitUrl()).filter(u -> !u.isEmpty()).flatMap(u -> {
                try {
                    return Optional.of(URI.create(u));
                } catch (IllegalArgumentException e) {
                    throw new InvalidResponseException(request.endpoint() + " answered a submit_url that is not "
                            + "a URL. Report it to the server's admin.", e);
                }
            });
            return new ValidationSession(r.sid(), submit);
        });
    }

    @Override
    public CompletableFuture<Void> add(String clientSecret, String sid, UiaHandler uia) {
        ClientSecrets.check(clientSecret);
        Checks.nonEmpty(sid, "sid");
        Objects.requireNonNull(uia, "uia");
        return UiaRunner.run(context.transport(), auth -> ApiRequest.post(THREEPID + "/add")
                .body(new ThirdPartyIdsApi.Add(clientSecret, sid, auth)).noContent(), uia);
    }

    @Override
    public CompletableFuture<Void> bind(ThreePidCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return context.transport().send(ApiRequest.post(THREEPID + "/bind").body(new ThirdPartyIdsApi.Bind(
                credentials.clientSecret(), credentials.idServer(), credentials.idAccessToken(), credentials.sid()))
                .noContent());
    }

    @Override
    public CompletableFuture<UnbindResult> delete(String medium, String address) {
        return remove("/delete", medium, address, null);
    }

    @Override
    public CompletableFuture<UnbindResult> delete(String medium, String address, String idServer) {
        return remove("/delete", medium, address, Checks.nonEmpty(idServer, "identity server"));
    }

    @Override
    public CompletableFuture<UnbindResult> unbind(String medium, String address) {
        return remove("/unbind", medium, address, null);
    }

    @Override
    public CompletableFuture<UnbindResult> unbind(String medium, String address, String idServer) {
        return remove("/unbind", medium, address, Checks.nonEmpty(idServer, "identity server"));
    }

    private CompletableFuture<UnbindResult> remove(String path, String medium, String address, String idServer) {
        Objects.requireNonNull(medium, "medium");
        if (!medium.equals(ThirdPartyId.EMAIL) && !medium.equals(ThirdPartyId.MSISDN)) {
            throw new IllegalArgumentException("A 3PID medium is \"email\" or \"msisdn\", was \"" + medium + "\".");
        }
        Checks.nonEmpty(address, "3PID address");
        return Calls.map(context.transport().send(ApiRequest.post(THREEPID + path).idempotent(true)
                        .body(new ThirdPartyIdsApi.Remove(medium, address, idServer))
                        .parse(ThirdPartyIdsApi.RemoveResponse.class)),
                r -> CredentialCalls.unbindResult(r.idServerUnbindResult()));
    }

    private static Optional<Instant> instant(Long ms) {
        return Optional.ofNullable(ms).map(Instant::ofEpochMilli);
    }
}
