package dev.mxj.internal.auth;

import dev.mxj.auth.AuthData;
import dev.mxj.auth.UserIdentifier;
import dev.mxj.internal.api.LoginApi;
import dev.mxj.internal.api.UiaApi;

/** Public auth values to the spec's JSON shapes. */
final class WireFormat {
    private WireFormat() {
    }

    static LoginApi.Identifier identifier(UserIdentifier id) {
        if (id instanceof UserIdentifier.User u) {
            return new LoginApi.Identifier(u.type(), u.user(), null, null, null, null);
        }
        if (id instanceof UserIdentifier.ThirdParty t) {
            return new LoginApi.Identifier(t.type(), null, t.medium(), t.address(), null, null);
        }
        UserIdentifier.Phone p = (UserIdentifier.Phone) id;
        return new LoginApi.Identifier(p.type(), null, null, null, p.country(), p.number());
    }

    /** The {@code auth} dict for an answer, with the UIA session ID when the server gave one. */
    static UiaApi.AuthDict authDict(AuthData data, String session) {
        String type = data.stage().orElse(null);
        if (data instanceof AuthData.Password p) {
            return new UiaApi.AuthDict(type, session, identifier(p.identifier()), p.password(), null);
        }
        if (data instanceof AuthData.RegistrationToken t) {
            return new UiaApi.AuthDict(type, session, null, null, t.token());
        }
        // Dummy: type and session; OutOfBand: session only.
        return new UiaApi.AuthDict(type, session, null, null, null);
    }
}
