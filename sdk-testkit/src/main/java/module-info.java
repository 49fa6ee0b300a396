/**
 * mxj testkit: a throwaway local Dendrite homeserver for integration tests and demos, plus a
 * JUnit 5 extension ({@link dev.mxj.testkit.DendriteExtension}) that shares one server per JVM.
 * It does not depend on the SDK itself, so every mxj module can test with it.
 */
module dev.mxj.testkit {
    requires java.net.http;
    requires com.squareup.moshi;
    requires org.slf4j;
    requires static transitive org.junit.jupiter.api;

    exports dev.mxj.testkit;
}
