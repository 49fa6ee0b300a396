package dev.mxj.media;

import dev.mxj.InvalidResponseException;
import dev.mxj.MatrixClient;
import dev.mxj.SessionEndedException;
import dev.mxj.id.MxcUri;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static dev.mxj.media.MediaMocks.VERSIONS_LEGACY;
import static dev.mxj.media.MediaMocks.VERSIONS_V1_11;
import static dev.mxj.media.MediaMocks.assertAuthenticated;
import static dev.mxj.media.MediaMocks.failure;
import static dev.mxj.testing.MockHomeserver.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The media config, URL previews and server support, against the spec's examples. */
class MediaConfigTest {
    private final MockHomeserver mock = MockHomeserver.start();
    private final MatrixClient client = mock.loggedInClient();

    @AfterEach
    void tearDown() {
        client.close();
        mock.close();
    }

    @Test
    void readsTheUploadLimitFromTheSpecExample() {
        mock.ok(VERSIONS_V1_11).ok(resource("/spec-examples/media/config.json"));
        MediaConfig config = client.media().config().join();
        assertEquals(Optional.of(50_000_000L), config.uploadSizeLimit());
        assertEquals(50_000_000L, config.raw().longValue("m.upload.size").orElseThrow());
        mock.take();
        RecordedRequest r = mock.take();
        assertEquals("/_matrix/client/v1/media/config", r.getUrl().encodedPath());
        assertAuthenticated(r);
    }

    @Test
    void aConfigWithoutOrWithANullLimitHasNone() {
        mock.ok(VERSIONS_V1_11).ok("{\"com.example.other\":1}").ok("{\"m.upload.size\":null}").ok("[]");
        assertEquals(Optional.empty(), client.media().config().join().uploadSizeLimit());
        assertEquals(Optional.empty(), client.media().config().join().uploadSizeLimit());
        assertInstanceOf(InvalidResponseException.class, failure(client.media().config()));
    }

    @Test
    void supportFollowsTheSpecVersions() {
        mock.ok("{\"versions\":[\"v1.7\"]}");
        assertEquals(new MediaSupport(false, true), client.media().support().join());
        try (MatrixClient other = mock.loggedInClient()) {
            mock.ok("{\"versions\":[\"v1.12\"],\"unstable_features\":{\"org.matrix.msc3916.stable\":false}}");
            assertEquals(new MediaSupport(true, true), other.media().support().join());
        }
        try (MatrixClient other = mock.loggedInClient()) {
            mock.ok("{\"versions\":[\"r0.6.1\",\"v1.10\",\"v2.0\"]}");
            assertEquals(new MediaSupport(true, true), other.media().support().join());
        }
    }

    @Test
    void previewsAUrlFromTheSpecExample() {
        mock.ok(VERSIONS_V1_11).ok(resource("/spec-examples/media/preview_url.json"));
        UrlPreview preview = client.media().previewUrl(URI.create("https://matrix.org/blog?a=1&b=2")).join();

        assertEquals(Optional.of("Matrix Blog Post"), preview.title());
        assertEquals(Optional.of("This is a really cool blog post from matrix.org"), preview.description());
        assertEquals(Optional.of(MxcUri.of("mxc://example.com/ascERGshawAWawugaAcauga")), preview.image());
        assertEquals(Optional.of("image/png"), preview.imageType());
        assertEquals(Optional.of(48L), preview.imageWidth());
        assertEquals(Optional.of(48L), preview.imageHeight());
        assertEquals(Optional.of(102_400L), preview.imageSize());
        mock.take();
        RecordedRequest r = mock.take();
        assertEquals("/_matrix/client/v1/media/preview_url", r.getUrl().encodedPath());
        assertEquals("https://matrix.org/blog?a=1&b=2", r.getUrl().queryParameter("url"));
        assertAuthenticated(r);
    }

    @Test
    void legacyPreviewsAndOddImagesAreTolerated() {
        mock.ok(VERSIONS_LEGACY).ok("{\"og:image\":\"https://example.org/x.png\",\"og:title\":\"T\"}");
        UrlPreview preview = client.media().previewUrl(URI.create("https://example.org/")).join();
        assertEquals(Optional.empty(), preview.image());
        assertEquals("https://example.org/x.png", preview.raw().string("og:image").orElseThrow());
        mock.take();
        assertEquals("/_matrix/media/v3/preview_url", mock.take().getUrl().encodedPath());
    }

    @Test
    void withoutASessionMediaCallsFailClearly() {
        mock.ok(VERSIONS_V1_11);
        try (MatrixClient anonymous = mock.client()) {
            Throwable e = failure(anonymous.media().download(MediaMocks.URI));
            assertInstanceOf(SessionEndedException.class, e);
            assertTrue(e.getMessage().contains("Not logged in"), e.getMessage());
        }
    }
}
