package dev.mxj.internal.discovery;

import dev.mxj.InvalidResponseException;
import dev.mxj.discovery.AuthMetadata;
import dev.mxj.discovery.Capabilities;
import dev.mxj.discovery.ProfileFields;
import dev.mxj.discovery.RoomVersions;
import dev.mxj.discovery.SupportInfo;
import dev.mxj.discovery.Versions;
import dev.mxj.id.UserId;
import dev.mxj.internal.api.AuthMetadataApi;
import dev.mxj.internal.api.CapabilitiesApi;
import dev.mxj.internal.api.SupportApi;
import dev.mxj.internal.api.VersionsApi;
import dev.mxj.internal.json.Json;
import dev.mxj.json.RawJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Turns the server-information answers into public values, with the spec's defaults. No I/O. */
final class ServerResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ServerResponses.class);

    private ServerResponses() {
    }

    static Versions versions(RawJson raw, String endpoint) {
        VersionsApi api = Json.read(raw.json(), VersionsApi.class, endpoint);
        if (api.versions() == null) {
            throw new InvalidResponseException(endpoint + " answered without the required 'versions' list, so this is"
                    + " not a Matrix homeserver's answer. Check the homeserver URL.");
        }
        Map<String, Boolean> features = new LinkedHashMap<>();
        if (api.unstableFeatures() != null) {
            api.unstableFeatures().forEach((name, enabled) -> {
                if (enabled != null) {
                    features.put(name, enabled);
                }
            });
        }
        return new Versions(nonNull(api.versions()), features, raw);
    }

    static Capabilities capabilities(RawJson raw, String endpoint) {
        CapabilitiesApi api = Json.read(raw.json(), CapabilitiesApi.class, endpoint);
        CapabilitiesApi.Known known = api.capabilities() != null ? api.capabilities()
                : new CapabilitiesApi.Known(null, null, null, null, null, null, null);
        return new Capabilities(
                enabled(known.changePassword(), true),
                roomVersions(known.roomVersions()),
                enabled(known.setDisplayName(), true),
                enabled(known.setAvatarUrl(), true),
                enabled(known.threePidChanges(), true),
                enabled(known.getLoginToken(), false),
                Optional.ofNullable(known.profileFields()).map(p -> new ProfileFields(Boolean.TRUE.equals(p.enabled()),
                        Optional.ofNullable(p.allowed()).map(ServerResponses::nonNull),
                        Optional.ofNullable(p.disallowed()).map(ServerResponses::nonNull))),
                raw.object("capabilities").orElse(RawJson.emptyObject()));
    }

    private static boolean enabled(CapabilitiesApi.Flag flag, boolean specDefault) {
        return flag == null || flag.enabled() == null ? specDefault : flag.enabled();
    }

    private static RoomVersions roomVersions(CapabilitiesApi.RoomVersions api) {
        if (api == null) {
            return RoomVersions.specDefault();
        }
        String defaultVersion = api.defaultVersion() != null ? api.defaultVersion() : "1";
        Map<String, RoomVersions.Stability> available = new LinkedHashMap<>();
        if (api.available() != null) {
            api.available().forEach((version, stability) -> available.put(version,
                    "stable".equals(stability) ? RoomVersions.Stability.STABLE : RoomVersions.Stability.UNSTABLE));
        } else {
            // The spec says clients should assume the default version is stable.
            available.put(defaultVersion, RoomVersions.Stability.STABLE);
        }
        return new RoomVersions(defaultVersion, available);
    }

    static SupportInfo support(RawJson raw, String endpoint) {
        SupportApi api = Json.read(raw.json(), SupportApi.class, endpoint);
        List<SupportInfo.Contact> contacts = new ArrayList<>();
        for (SupportApi.Contact c : api.contacts() == null ? List.<SupportApi.Contact>of() : api.contacts()) {
            if (c == null) {
                continue;
            }
            Optional<UserId> matrixId = Optional.ofNullable(c.matrixId()).flatMap(ServerResponses::userId);
            Optional<String> email = Optional.ofNullable(c.emailAddress()).filter(s -> !s.isBlank());
            if (c.role() == null || matrixId.isEmpty() && email.isEmpty()) {
                LOG.debug("{}: skipping a contact without a role or a valid address", endpoint);
                continue;
            }
            contacts.add(new SupportInfo.Contact(c.role(), matrixId, email));
        }
        Optional<URI> page = Optional.ofNullable(api.supportPage()).flatMap(ServerResponses::uri);
        return new SupportInfo(contacts, page, raw);
    }

    static AuthMetadata authMetadata(RawJson raw, String endpoint) {
        AuthMetadataApi api = Json.read(raw.json(), AuthMetadataApi.class, endpoint);
        return new AuthMetadata(
                requiredUri(api.issuer(), "issuer", endpoint),
                requiredUri(api.authorizationEndpoint(), "authorization_endpoint", endpoint),
                requiredUri(api.tokenEndpoint(), "token_endpoint", endpoint),
                requiredUri(api.registrationEndpoint(), "registration_endpoint", endpoint),
                requiredUri(api.revocationEndpoint(), "revocation_endpoint", endpoint),
                nonNull(api.responseTypesSupported()),
                nonNull(api.grantTypesSupported()),
                nonNull(api.responseModesSupported()),
                nonNull(api.codeChallengeMethodsSupported()),
                nonNull(api.promptValuesSupported()),
                raw);
    }

    private static URI requiredUri(String value, String field, String endpoint) {
        if (value == null) {
            throw new InvalidResponseException(endpoint + " answered without the required '" + field
                    + "'. The server's OAuth 2.0 setup is incomplete: ask its admin, or log in with the legacy API.");
        }
        return uri(value).orElseThrow(() -> new InvalidResponseException(endpoint + " answered a '" + field
                + "' that is not a URL. The server's OAuth 2.0 setup is broken: ask its admin, or log in with the"
                + " legacy API."));
    }

    private static Optional<URI> uri(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<UserId> userId(String value) {
        try {
            return Optional.of(UserId.of(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }
}
