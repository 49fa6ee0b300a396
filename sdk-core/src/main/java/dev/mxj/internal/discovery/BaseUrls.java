package dev.mxj.internal.discovery;

import okhttp3.HttpUrl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Validation and normalisation of the base URLs discovery reads and returns. */
final class BaseUrls {
    private BaseUrls() {
    }

    /**
     * {@code text} as a base URL: absolute http(s), with a host, and no user info, query or
     * fragment. Trailing slashes are removed (the spec says {@code base_url} may have one).
     */
    static Optional<URI> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getRawAuthority() == null
                || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || HttpUrl.parse(trimmed) == null) {
            return Optional.empty();
        }
        return Optional.of(withoutTrailingSlash(uri));
    }

    static URI withoutTrailingSlash(URI uri) {
        String s = uri.toString();
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') {
            end--;
        }
        return URI.create(s.substring(0, end));
    }

    /** {@code scheme://host[:port]} of {@code uri}: where its {@code /.well-known/} files live. */
    static URI origin(URI uri) {
        return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority());
    }
}
