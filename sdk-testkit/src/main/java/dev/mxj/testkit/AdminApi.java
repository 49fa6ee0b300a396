package dev.mxj.testkit;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The homeserver's admin endpoints the testkit uses: shared-secret registration and tokens. */
final class AdminApi {

    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
    private static final String REGISTER = "/_synapse/admin/v1/register";

    private final DendriteLauncher.Running running;
    private final Http http;

    AdminApi(DendriteLauncher.Running running) {
        this.running = running;
        this.http = new Http(running.baseUrl());
    }

    /** Registers a user with the shared secret: GET a nonce, then POST the MAC'd request. */
    TestUser register(String localpart, String password, boolean admin) {
        Http.Response nonceResponse = call(() -> http.get(REGISTER, null, Duration.ofSeconds(30)));
        String nonce = nonceResponse.string("nonce");
        if (!nonceResponse.ok() || nonce == null) {
            throw new DendriteException("getting a registration nonce failed: "
                    + describe(nonceResponse));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nonce", nonce);
        body.put("username", localpart);
        body.put("password", password);
        body.put("admin", admin);
        body.put("mac", SharedSecret.mac(running.sharedSecret(), nonce, localpart, password, admin));
        Http.Response response = call(() -> http.post(REGISTER, null, body));
        String userId = response.string("user_id");
        String accessToken = response.string("access_token");
        if (!response.ok() || userId == null || accessToken == null) {
            throw new DendriteException("registering " + localpart + " failed: " + describe(response));
        }
        LOG.debug("registered {}", userId);
        return new TestUser(userId, localpart, password, accessToken, response.string("device_id"));
    }

    /** Creates a registration token with Dendrite's admin API; null arguments are left out. */
    String createRegistrationToken(String adminToken, String token, Integer usesAllowed) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (token != null) {
            body.put("token", token);
        }
        if (usesAllowed != null) {
            body.put("uses_allowed", usesAllowed);
        }
        Http.Response response = call(() -> http.post("/_dendrite/admin/registrationTokens/new",
                adminToken, body));
        String created = response.string("token");
        if (!response.ok() || created == null) {
            throw new DendriteException("creating a registration token failed: " + describe(response));
        }
        return created;
    }

    /** Status and Matrix error of a failed call; never the body of a successful one (tokens). */
    private static String describe(Http.Response response) {
        return "HTTP " + response.status() + " " + response.string("errcode") + " "
                + response.string("error");
    }

    private interface Call {
        Http.Response run() throws IOException;
    }

    private Http.Response call(Call call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new DendriteException("calling Dendrite at " + running.baseUrl() + " failed"
                    + (running.server().isAlive() ? "" : " (it is no longer running)") + ": " + e, e);
        }
    }
}
