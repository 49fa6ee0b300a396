package dev.mxj.internal.api;

import com.squareup.moshi.Json;

import java.util.List;

/** {@code GET /_matrix/client/v1/auth_metadata} answer (RFC 8414 fields the spec uses). */
public record AuthMetadataApi(@Json(name = "issuer") String issuer,
                              @Json(name = "authorization_endpoint") String authorizationEndpoint,
                              @Json(name = "token_endpoint") String tokenEndpoint,
                              @Json(name = "registration_endpoint") String registrationEndpoint,
                              @Json(name = "revocation_endpoint") String revocationEndpoint,
                              @Json(name = "response_types_supported") List<String> responseTypesSupported,
                              @Json(name = "grant_types_supported") List<String> grantTypesSupported,
                              @Json(name = "response_modes_supported") List<String> responseModesSupported,
                              @Json(name = "code_challenge_methods_supported") List<String> codeChallengeMethodsSupported,
                              @Json(name = "prompt_values_supported") List<String> promptValuesSupported) {
}
