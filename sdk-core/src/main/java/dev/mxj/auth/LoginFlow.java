package dev.mxj.auth;

import dev.mxj.json.RawJson;

import java.util.List;
import java.util.Objects;

/**
 * One way to log in that the server offers ({@code GET /login}).
 *
 * @param type          the login type, e.g. {@code m.login.password}, {@code m.login.token},
 *                      {@code m.login.sso}
 * @param getLoginToken for {@code m.login.token}: the server supports
 *                      {@code POST /login/get_token} (Matrix 1.7)
 * @param raw           the whole flow object as the server sent it, for fields mxj does not model
 */
public record LoginFlow(String type, boolean getLoginToken, RawJson raw) {
    public LoginFlow {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(raw, "raw");
    }

    /** For {@code m.login.sso}: the identity providers the server lists, as sent (id, name, icon, brand). */
    public List<RawJson> identityProviders() {
        return raw.array("identity_providers");
    }
}
