package dev.mxj.discovery;

import dev.mxj.json.RawJson;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The OAuth 2.0 authorization server metadata (RFC 8414) from
 * {@code GET /_matrix/client/v1/auth_metadata} (Matrix 1.15): where a client registers, sends the
 * user to authorize, exchanges and revokes tokens.
 *
 * @param issuer                        the authorization server's issuer identifier
 * @param authorizationEndpoint         where the user authorizes the client (authorization code grant)
 * @param tokenEndpoint                 where codes and refresh tokens are exchanged for tokens
 * @param registrationEndpoint          where the client registers itself dynamically
 * @param revocationEndpoint            where tokens are revoked, to log out
 * @param responseTypesSupported        e.g. {@code code}
 * @param grantTypesSupported           e.g. {@code authorization_code}, {@code refresh_token}
 * @param responseModesSupported        e.g. {@code query}, {@code fragment}
 * @param codeChallengeMethodsSupported PKCE methods, e.g. {@code S256}
 * @param promptValuesSupported         e.g. {@code create} to ask for registration; often empty
 * @param raw                           the whole metadata, with fields this version does not model
 */
public record AuthMetadata(URI issuer, URI authorizationEndpoint, URI tokenEndpoint, URI registrationEndpoint,
                           URI revocationEndpoint, List<String> responseTypesSupported,
                           List<String> grantTypesSupported, List<String> responseModesSupported,
                           List<String> codeChallengeMethodsSupported, List<String> promptValuesSupported,
                           RawJson raw) {
    /** The grant type for logging in through the browser. */
    public static final String GRANT_AUTHORIZATION_CODE = "authorization_code";
    /** The grant type for refreshing tokens. */
    public static final String GRANT_REFRESH_TOKEN = "refresh_token";
    /** The grant type for logging in on a device without a browser (RFC 8628). */
    public static final String GRANT_DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";

    public AuthMetadata {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        Objects.requireNonNull(registrationEndpoint, "registrationEndpoint");
        Objects.requireNonNull(revocationEndpoint, "revocationEndpoint");
        responseTypesSupported = List.copyOf(responseTypesSupported);
        grantTypesSupported = List.copyOf(grantTypesSupported);
        responseModesSupported = List.copyOf(responseModesSupported);
        codeChallengeMethodsSupported = List.copyOf(codeChallengeMethodsSupported);
        promptValuesSupported = List.copyOf(promptValuesSupported);
        Objects.requireNonNull(raw, "raw");
    }

    /** True if the token endpoint accepts {@code grantType}, e.g. {@link #GRANT_DEVICE_CODE}. */
    public boolean supportsGrantType(String grantType) {
        return grantTypesSupported.contains(grantType);
    }

    /** True if the server lets the client ask for account creation ({@code prompt=create}). */
    public boolean supportsRegistrationPrompt() {
        return promptValuesSupported.contains("create");
    }
}
