package dev.mxj.crypto.olm.libolm;

import dev.mxj.crypto.olm.Sas;

/** {@link Sas} over libolm's {@code OlmSAS}. Thread-safe: calls are serialised per object. */
final class LibolmSas extends NativeObject implements Sas {
    private static final int MAX_BYTES = 255 * 32;

    LibolmSas(long ptr) {
        super(Native.SAS, ptr, "Sas");
    }

    @Override
    public String publicKey() {
        return ascii(call(Native::sasPublicKey));
    }

    @Override
    public void setTheirPublicKey(String theirPublicKey) {
        byte[] key = utf8(theirPublicKey, "theirPublicKey");
        run(p -> Native.sasSetTheirKey(p, key));
    }

    @Override
    public boolean isTheirKeySet() {
        return callBoolean(Native::sasIsTheirKeySet);
    }

    @Override
    public byte[] generateBytes(String info, int count) {
        if (count < 0 || count > MAX_BYTES) {
            throw new IllegalArgumentException("count must be in 0.." + MAX_BYTES + ": " + count);
        }
        byte[] infoBytes = utf8(info, "info");
        return call(p -> Native.sasGenerateBytes(p, infoBytes, count));
    }

    @Override
    public String calculateMac(String input, String info) {
        return mac(input, info, true);
    }

    @Override
    public String calculateMacInvalidBase64(String input, String info) {
        return mac(input, info, false);
    }

    private String mac(String input, String info, boolean fixedBase64) {
        byte[] in = utf8(input, "input");
        byte[] infoBytes = utf8(info, "info");
        return ascii(call(p -> Native.sasCalculateMac(p, in, infoBytes, fixedBase64)));
    }
}
