/**
 * mxj crypto: the Olm and Megolm primitives Matrix end-to-end encryption is built on, behind a
 * backend interface ({@link dev.mxj.crypto.olm.OlmBackend}), with a libolm backend reached through
 * mxj's own JNI glue ({@link dev.mxj.crypto.olm.libolm.LibolmBackend}).
 */
module dev.mxj.crypto {
    requires transitive dev.mxj;
    requires org.slf4j;
    requires static org.jspecify;

    exports dev.mxj.crypto;
    exports dev.mxj.crypto.attachment;
    exports dev.mxj.crypto.keyexport;
    exports dev.mxj.crypto.olm;
    exports dev.mxj.crypto.olm.libolm;
    exports dev.mxj.crypto.module;
    exports dev.mxj.crypto.machine;
    exports dev.mxj.crypto.store;

    provides dev.mxj.spi.EncryptionModuleProvider with dev.mxj.crypto.module.OlmEncryptionModuleProvider;
}
