package dev.mxj.discovery;

import dev.mxj.InvalidResponseException;
import dev.mxj.MatrixApiException;
import dev.mxj.MatrixClient;
import dev.mxj.id.UserId;
import dev.mxj.testing.MockHomeserver;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.mxj.testing.MockHomeserver.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code client.server()}: support contacts and OAuth 2.0 metadata, present or absent. */
class ServerWellKnownTest {
    private MockHomeserver mock;
    private MatrixClient client;

    @BeforeEach
    void start() {
        mock = MockHomeserver.start();
        client = mock.client();
    }

    @AfterEach
    void stop() {
        client.close();
        mock.close();
    }

    @Test
    void supportFromTheSpecExample() {
        mock.ok(resource("/spec-examples/discovery/support.json"));

        SupportInfo support = client.server().support().join().orElseThrow();

        assertEquals(List.of(
                new SupportInfo.Contact(SupportInfo.Contact.ROLE_ADMIN, Optional.of(UserId.of("@admin:example.org")),
                        Optional.of("admin@example.org")),
                new SupportInfo.Contact(SupportInfo.Contact.ROLE_SECURITY, Optional.empty(),
                        Optional.of("security@example.org"))), support.contacts());
        assertEquals(1, support.contacts(SupportInfo.Contact.ROLE_SECURITY).size());
        assertEquals(Optional.of(URI.create("https://example.org/support.html")), support.supportPage());
        RecordedRequest request = mock.take();
        assertEquals("/.well-known/matrix/support", request.getUrl().encodedPath());
        assertNull(request.getHeaders().get("Authorization"));
    }

    @Test
    void supportSkipsUnusableContactsButKeepsThemInRaw() {
        mock.ok("{\"contacts\":[{\"email_address\":\"a@example.org\"},{\"role\":\"m.role.admin\",\"matrix_id\":\"bad\"},"
                + "{\"role\":\"org.example.sales\",\"matrix_id\":\"@sales:example.org\"}],\"org.example.extra\":true}");

        SupportInfo support = client.server().support().join().orElseThrow();

        assertEquals(1, support.contacts().size());
        assertEquals("org.example.sales", support.contacts().get(0).role());
        assertEquals(3, support.raw().array("contacts").size());
        assertEquals(Optional.of(true), support.raw().bool("org.example.extra"));
        assertEquals(Optional.empty(), support.supportPage());
    }

    @Test
    void supportIsEmptyOn404() {
        mock.json(404, "<html>Not found</html>");

        assertEquals(Optional.empty(), client.server().support().join());
    }

    @Test
    void authMetadataFromTheSpecExample() {
        mock.ok(resource("/spec-examples/discovery/auth_metadata.json"));

        AuthMetadata meta = client.server().authMetadata().join().orElseThrow();

        assertEquals(URI.create("https://account.example.com/"), meta.issuer());
        assertEquals(URI.create("https://account.example.com/oauth2/auth"), meta.authorizationEndpoint());
        assertEquals(URI.create("https://account.example.com/oauth2/token"), meta.tokenEndpoint());
        assertEquals(URI.create("https://account.example.com/oauth2/clients/register"), meta.registrationEndpoint());
        assertEquals(URI.create("https://account.example.com/oauth2/revoke"), meta.revocationEndpoint());
        assertEquals(List.of("code"), meta.responseTypesSupported());
        assertTrue(meta.supportsGrantType(AuthMetadata.GRANT_REFRESH_TOKEN));
        assertFalse(meta.supportsGrantType(AuthMetadata.GRANT_DEVICE_CODE));
        assertEquals(List.of("query", "fragment"), meta.responseModesSupported());
        assertEquals(List.of("S256"), meta.codeChallengeMethodsSupported());
        assertEquals(List.of(), meta.promptValuesSupported());
        assertFalse(meta.supportsRegistrationPrompt());
        RecordedRequest request = mock.take();
        assertEquals("/_matrix/client/v1/auth_metadata", request.getUrl().encodedPath());
        assertNull(request.getHeaders().get("Authorization"));
    }

    @Test
    void authMetadataKeepsUnknownFields() {
        String body = resource("/spec-examples/discovery/auth_metadata.json")
                .replaceFirst("\\{", "{\"account_management_uri\":\"https://account.example.com/manage\",");
        mock.ok(body);

        AuthMetadata meta = client.server().authMetadata().join().orElseThrow();

        assertEquals(Optional.of("https://account.example.com/manage"), meta.raw().string("account_management_uri"));
    }

    @Test
    void authMetadataIsEmptyWhenTheServerHasNoOAuth() {
        mock.error(404, "M_UNRECOGNIZED", "Unrecognized request");
        mock.error(400, "M_UNRECOGNIZED", "Unrecognized request");
        mock.json(404, "");

        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), client.server().authMetadata().join());
        }
    }

    @Test
    void authMetadataFailsForOtherErrors() {
        mock.error(403, "M_FORBIDDEN", "nope");

        CompletionException e = assertThrows(CompletionException.class, () -> client.server().authMetadata().join());

        assertEquals(403, assertInstanceOf(MatrixApiException.class, e.getCause()).httpStatus());
    }

    @Test
    void authMetadataWithoutATokenEndpointIsInvalid() {
        mock.ok(resource("/spec-examples/discovery/auth_metadata.json").replace("\"token_endpoint\"", "\"x\""));

        CompletionException e = assertThrows(CompletionException.class, () -> client.server().authMetadata().join());

        assertInstanceOf(InvalidResponseException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("token_endpoint"), e.getCause().getMessage());
    }

    @Test
    void cancellingCancelsTheCall() throws InterruptedException {
        CountDownLatch canceled = new CountDownLatch(1);
        OkHttpClient http = new OkHttpClient.Builder().eventListener(new EventListener() {
            @Override
            public void canceled(Call call) {
                canceled.countDown();
            }
        }).build();
        mock.enqueue(new MockResponse.Builder().code(200).headersDelay(5, TimeUnit.SECONDS).body("{}").build());
        try (MatrixClient withListener = mock.builder().httpClient(http).build()) {
            CompletableFuture<Optional<AuthMetadata>> future = withListener.server().authMetadata();
            mock.take();

            assertTrue(future.cancel(true));

            assertTrue(canceled.await(5, TimeUnit.SECONDS), "the HTTP call was not cancelled");
        } finally {
            http.dispatcher().executorService().shutdown();
        }
    }
}
