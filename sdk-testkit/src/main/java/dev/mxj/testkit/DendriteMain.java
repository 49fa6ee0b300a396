package dev.mxj.testkit;

import java.util.concurrent.CountDownLatch;

/**
 * Starts a throwaway Dendrite for trying things by hand, prints its URL and a test user, and runs
 * until interrupted (Ctrl-C), which stops it and deletes its data.
 */
public final class DendriteMain {

    private DendriteMain() {
    }

    /**
     * @param args {@code --registration-requires-token} to enable registration tokens
     * @throws InterruptedException never in practice: the JVM exits on Ctrl-C
     */
    public static void main(String[] args) throws InterruptedException {
        boolean tokens = args.length > 0 && args[0].equals("--registration-requires-token");
        Dendrite dendrite = Dendrite.builder().registrationRequiresToken(tokens).start();
        TestUser user = dendrite.registerUser();
        System.out.println("Dendrite is running at " + dendrite.baseUrl()
                + " (server name " + dendrite.serverName() + ", data in " + dendrite.dataDir() + ")");
        System.out.println("Test user: " + user.userId() + " password " + user.password());
        System.out.println("Press Ctrl-C to stop.");
        new CountDownLatch(1).await();
    }
}
