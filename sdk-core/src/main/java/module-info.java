/**
 * mxj core: the Matrix Client-Server API for Java. Exports the public API packages only;
 * {@code dev.mxj.internal.*} is not part of the API and may change in any release.
 */
module dev.mxj {
    requires transitive okhttp3;
    requires okio;
    requires com.squareup.moshi;
    requires org.slf4j;
    requires org.commonmark;
    requires static org.jspecify;

    exports dev.mxj;
    exports dev.mxj.account;
    exports dev.mxj.auth;
    exports dev.mxj.discovery;
    exports dev.mxj.event;
    exports dev.mxj.id;
    exports dev.mxj.json;
    exports dev.mxj.media;
    exports dev.mxj.relations;
    exports dev.mxj.room;
    exports dev.mxj.send;
    exports dev.mxj.spi;
    exports dev.mxj.store;
    exports dev.mxj.sync;
    exports dev.mxj.timeline;

    uses dev.mxj.spi.EncryptionModuleProvider;

    // Moshi builds adapters for the endpoint records reflectively.
    opens dev.mxj.internal.api to com.squareup.moshi;
}
