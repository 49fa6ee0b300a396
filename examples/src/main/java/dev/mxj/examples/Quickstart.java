package dev.mxj.examples;

import dev.mxj.MatrixClient;
import dev.mxj.auth.LoginRequest;

import java.net.URI;

/** The README's first program: log in and ask the server who we are. Args: homeserver-url user password. */
public final class Quickstart {
    public static void main(String[] args) {
        try (MatrixClient client = MatrixClient.builder().homeserverUrl(URI.create(args[0])).build()) {
            client.auth().login(LoginRequest.password(args[1], args[2])).join();
            System.out.println("Logged in as " + client.account().whoami().join().userId());
            System.out.println("Server speaks " + client.server().versions().join().versions());
            client.auth().logout().join();
        }
    }
}
