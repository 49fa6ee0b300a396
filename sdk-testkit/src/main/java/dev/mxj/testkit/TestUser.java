package dev.mxj.testkit;

/**
 * A user registered on a test {@link Dendrite}, logged in on one device.
 *
 * <p>{@link #toString()} leaves out the password and the access token.
 *
 * @param userId the full user id, such as {@code @user1-3fa2:localhost}
 * @param localpart the user id's localpart, such as {@code user1-3fa2}
 * @param password the password, to log in again
 * @param accessToken the access token of the device made at registration
 * @param deviceId that device's id; Dendrite names every device made by shared-secret
 *     registration {@code shared_secret_registration}, so log in again for a distinct device
 */
public record TestUser(String userId, String localpart, String password, String accessToken,
        String deviceId) {

    @Override
    public String toString() {
        return "TestUser[userId=" + userId + ", deviceId=" + deviceId + "]";
    }
}
