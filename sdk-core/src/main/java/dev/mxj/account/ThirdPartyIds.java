package dev.mxj.account;

import dev.mxj.auth.UiaHandler;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The third-party identifiers (email addresses, phone numbers) of the account. From
 * {@link Account#thirdPartyIds()}.
 *
 * <p>Adding an email address: {@link #requestEmailToken} (the server sends a message), the user
 * follows it, then {@link #add} with the same client secret and the session ID.
 */
public interface ThirdPartyIds {
    /** {@code GET /account/3pid}: the identifiers the homeserver has associated with the account. */
    CompletableFuture<List<ThirdPartyId>> list();

    /**
     * {@code POST /account/3pid/email/requestToken}: asks the homeserver to validate an email
     * address it does not yet know, for {@link #add}.
     *
     * @param clientSecret a secret the client makes up: 1 to 255 characters of {@code [0-9a-zA-Z.=_-]}
     * @param sendAttempt  start at 1 and increase it to have the message sent again
     * @return fails with {@link dev.mxj.MatrixApiException} {@code M_THREEPID_IN_USE},
     *         {@code M_THREEPID_DENIED} or {@code M_THREEPID_MEDIUM_NOT_SUPPORTED}
     */
    CompletableFuture<ValidationSession> requestEmailToken(String clientSecret, String email, int sendAttempt);

    /**
     * {@code POST /account/3pid/add}: adds a validated identifier to the account, under
     * User-Interactive Authentication.
     */
    CompletableFuture<Void> add(String clientSecret, String sid, UiaHandler uia);

    /** {@code POST /account/3pid/bind}: binds an identifier to the user through an identity server. */
    CompletableFuture<Void> bind(ThreePidCredentials credentials);

    /**
     * {@code POST /account/3pid/delete}: removes an identifier from the account, and unbinds it
     * from the identity server it was bound through.
     *
     * @param medium {@link ThirdPartyId#EMAIL} or {@link ThirdPartyId#MSISDN}
     */
    CompletableFuture<UnbindResult> delete(String medium, String address);

    /** As {@link #delete(String, String)}, unbinding from {@code idServer}. */
    CompletableFuture<UnbindResult> delete(String medium, String address, String idServer);

    /**
     * {@code POST /account/3pid/unbind}: unbinds an identifier from the identity server it was
     * bound through, keeping it on the account.
     */
    CompletableFuture<UnbindResult> unbind(String medium, String address);

    /** As {@link #unbind(String, String)}, from {@code idServer}. */
    CompletableFuture<UnbindResult> unbind(String medium, String address, String idServer);
}
