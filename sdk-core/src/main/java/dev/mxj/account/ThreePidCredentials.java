package dev.mxj.account;

import dev.mxj.internal.account.ClientSecrets;

import java.util.Objects;

/**
 * What {@link ThirdPartyIds#bind} needs: a validation session on an identity server.
 * {@code toString()} never shows the client secret or the access token.
 *
 * @param clientSecret  the client secret of the validation session
 * @param idServer      the identity server's host name (with port if not 443)
 * @param idAccessToken an access token registered with that identity server
 * @param sid           the session ID the identity server gave
 */
public record ThreePidCredentials(String clientSecret, String idServer, String idAccessToken, String sid) {
    public ThreePidCredentials {
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(idServer, "idServer");
        Objects.requireNonNull(idAccessToken, "idAccessToken");
        Objects.requireNonNull(sid, "sid");
        ClientSecrets.check(clientSecret);
        if (idServer.isEmpty() || sid.isEmpty() || idAccessToken.isEmpty()) {
            throw new IllegalArgumentException("idServer, idAccessToken and sid cannot be empty.");
        }
    }

    @Override
    public String toString() {
        return "ThreePidCredentials[idServer=" + idServer + ", sid=" + sid
                + ", clientSecret=<redacted>, idAccessToken=<redacted>]";
    }
}
