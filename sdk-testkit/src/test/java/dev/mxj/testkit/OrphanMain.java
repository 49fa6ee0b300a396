package dev.mxj.testkit;

/** Started in a child JVM by {@link OrphanIT}: starts Dendrite, prints its pid, then waits. */
public final class OrphanMain {

    private OrphanMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Dendrite dendrite = Dendrite.builder().start();
        System.out.println("DATA " + dendrite.dataDir());
        System.out.println("PID " + dendrite.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
