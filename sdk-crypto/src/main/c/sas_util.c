/* mxj JNI glue: SAS, and the utility functions (Ed25519 verification, SHA-256). */
#include "mxj_olm.h"

#include <stdlib.h>

#define NATIVE(name) JNICALL Java_dev_mxj_crypto_olm_libolm_Native_##name

/* ---- SAS -------------------------------------------------------------------------------- */

static void sas_error(JNIEnv *env, OlmSAS *sas, const char *what) {
    mx_throw(env, olm_sas_last_error(sas), what);
}

JNIEXPORT jlong NATIVE(sasCreate)(JNIEnv *env, jclass cls) {
    (void)cls;
    mx_buf random = {0};
    OlmSAS *sas = mx_obj_alloc(env, MX_SAS);
    if (sas == NULL) {
        return 0;
    }
    if (mx_random(env, &random, olm_create_sas_random_length(sas)) != 0) {
        mx_obj_free(MX_SAS, sas);
        return 0;
    }
    if (mx_failed(olm_create_sas(sas, random.data, random.len))) {
        sas_error(env, sas, "olm_create_sas failed");
        mx_obj_free(MX_SAS, sas);
        sas = NULL;
    }
    mx_buf_free(&random);
    return mx_handle(sas);
}

JNIEXPORT jbyteArray NATIVE(sasPublicKey)(JNIEnv *env, jclass cls, jlong ptr) {
    (void)cls;
    OlmSAS *sas = mx_ptr(ptr);
    mx_buf key = {0};
    jbyteArray result = NULL;
    if (mx_buf_alloc(env, &key, olm_sas_pubkey_length(sas)) != 0) {
        return NULL;
    }
    if (mx_failed(olm_sas_get_pubkey(sas, key.data, key.len))) {
        sas_error(env, sas, "olm_sas_get_pubkey failed");
    } else if (mx_output_ok(env, &key, key.len, "olm_sas_get_pubkey overflow")) {
        result = mx_to_java(env, key.data, key.len);
    }
    mx_buf_free(&key);
    return result;
}

JNIEXPORT void NATIVE(sasSetTheirKey)(JNIEnv *env, jclass cls, jlong ptr, jbyteArray jkey) {
    (void)cls;
    OlmSAS *sas = mx_ptr(ptr);
    mx_buf key = {0};
    if (mx_buf_from(env, jkey, &key) != 0
        || mx_check_b64(env, &key, "their SAS key is not unpadded base64") != 0) {
        goto done;
    }
    if (key.len != olm_sas_pubkey_length(sas)) { /* libolm would use the first 32 bytes of anything longer */
        mx_throw(env, "INVALID_BASE64", "their SAS key is not a Curve25519 public key");
        goto done;
    }
    if (mx_failed(olm_sas_set_their_key(sas, key.data, key.len))) {
        sas_error(env, sas, "olm_sas_set_their_key failed");
    }
done:
    mx_buf_free(&key);
}

JNIEXPORT jboolean NATIVE(sasIsTheirKeySet)(JNIEnv *env, jclass cls, jlong ptr) {
    (void)env;
    (void)cls;
    return olm_sas_is_their_key_set(mx_ptr(ptr)) ? JNI_TRUE : JNI_FALSE;
}

JNIEXPORT jbyteArray NATIVE(sasGenerateBytes)(JNIEnv *env, jclass cls, jlong ptr, jbyteArray jinfo, jint count) {
    (void)cls;
    OlmSAS *sas = mx_ptr(ptr);
    mx_buf info = {0}, out = {0};
    jbyteArray result = NULL;
    if (count < 0 || count > 255 * 32) { /* HKDF-SHA-256 cannot give more */
        mx_throw_java(env, "java/lang/IllegalArgumentException", "count must be in 0..8160");
        return NULL;
    }
    if (mx_buf_from(env, jinfo, &info) != 0 || mx_buf_alloc(env, &out, (size_t)count) != 0) {
        goto done;
    }
    if (mx_failed(olm_sas_generate_bytes(sas, info.data, info.len, out.data, out.len))) {
        sas_error(env, sas, "olm_sas_generate_bytes failed");
    } else if (mx_output_ok(env, &out, out.len, "olm_sas_generate_bytes overflow")) {
        result = mx_to_java(env, out.data, out.len);
    }
done:
    mx_buf_free(&info);
    mx_buf_free(&out);
    return result;
}

JNIEXPORT jbyteArray NATIVE(sasCalculateMac)(JNIEnv *env, jclass cls, jlong ptr, jbyteArray jinput,
                                             jbyteArray jinfo, jboolean fixed_base64) {
    (void)cls;
    OlmSAS *sas = mx_ptr(ptr);
    mx_buf input = {0}, info = {0}, mac = {0};
    jbyteArray result = NULL;
    if (mx_buf_from(env, jinput, &input) != 0 || mx_buf_from(env, jinfo, &info) != 0
        || mx_buf_alloc(env, &mac, olm_sas_mac_length(sas)) != 0) {
        goto done;
    }
    size_t r = fixed_base64
                   ? olm_sas_calculate_mac_fixed_base64(sas, input.data, input.len, info.data, info.len,
                                                        mac.data, mac.len)
                   : olm_sas_calculate_mac(sas, input.data, input.len, info.data, info.len, mac.data, mac.len);
    if (mx_failed(r)) {
        sas_error(env, sas, "olm_sas_calculate_mac failed");
    } else if (mx_output_ok(env, &mac, mac.len, "olm_sas_calculate_mac overflow")) {
        result = mx_to_java(env, mac.data, mac.len);
    }
done:
    mx_buf_free(&input);
    mx_buf_free(&info);
    mx_buf_free(&mac);
    return result;
}

/* ---- utility ---------------------------------------------------------------------------- */

static unsigned b64_value(uint8_t c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    return c == '+' ? 62 : 63; /* only called on input mx_check_b64 accepted */
}

/* Decodes an 86-character signature (a public value) into 64 bytes. */
static void decode_signature(const uint8_t *in, uint8_t out[64]) {
    uint32_t acc = 0;
    int bits = 0;
    size_t n = 0;
    for (size_t i = 0; i < 86 && n < 64; i++) {
        acc = (acc << 6) | b64_value(in[i]);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[n++] = (uint8_t)(acc >> bits);
        }
    }
}

/* libolm accepts S and S + L alike (CVE-2024-45193, malleable signatures). RFC 8032 requires
 * S < L, the order of the Ed25519 group; we check that before libolm sees the signature. */
static int scalar_is_canonical(const uint8_t signature[64]) {
    static const uint8_t L[32] = {
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10};
    const uint8_t *s = signature + 32;
    for (int i = 31; i >= 0; i--) {
        if (s[i] != L[i]) {
            return s[i] < L[i];
        }
    }
    return 0; /* S == L */
}

JNIEXPORT void NATIVE(ed25519Verify)(JNIEnv *env, jclass cls, jbyteArray jkey, jbyteArray jmessage,
                                     jbyteArray jsignature) {
    (void)cls;
    mx_buf key = {0}, message = {0}, signature = {0};
    uint8_t raw[64];
    OlmUtility *utility = NULL;
    if (mx_buf_from(env, jkey, &key) != 0 || mx_buf_from(env, jmessage, &message) != 0
        || mx_buf_from(env, jsignature, &signature) != 0
        || mx_check_b64(env, &key, "the Ed25519 key is not unpadded base64") != 0
        || mx_check_b64(env, &signature, "the signature is not unpadded base64") != 0) {
        goto done;
    }
    if (key.len != 43) {
        mx_throw(env, "INVALID_BASE64", "the Ed25519 key is not 32 bytes");
        goto done;
    }
    if (signature.len != 86) { /* libolm ignores anything after the first 64 bytes */
        mx_throw(env, "BAD_MESSAGE_MAC", "the signature is not 64 bytes");
        goto done;
    }
    decode_signature(signature.data, raw);
    if (!scalar_is_canonical(raw)) {
        mx_throw(env, "BAD_MESSAGE_MAC", "the signature is not canonical (S >= L)");
        goto done;
    }
    if ((utility = calloc(1, olm_utility_size())) == NULL) {
        mx_throw_java(env, "java/lang/OutOfMemoryError", "mxj olm: out of native memory");
        goto done;
    }
    olm_utility(utility);
    if (mx_failed(olm_ed25519_verify(utility, key.data, key.len, message.data, message.len,
                                     signature.data, signature.len))) {
        mx_throw(env, olm_utility_last_error(utility), "the Ed25519 signature does not verify");
    }
done:
    if (utility != NULL) {
        olm_clear_utility(utility);
        free(utility);
    }
    mx_buf_free(&key);
    mx_buf_free(&message);
    mx_buf_free(&signature);
}

JNIEXPORT jbyteArray NATIVE(sha256)(JNIEnv *env, jclass cls, jbyteArray jinput) {
    (void)cls;
    mx_buf input = {0}, out = {0};
    jbyteArray result = NULL;
    OlmUtility *utility = calloc(1, olm_utility_size());
    if (utility == NULL) {
        mx_throw_java(env, "java/lang/OutOfMemoryError", "mxj olm: out of native memory");
        return NULL;
    }
    olm_utility(utility);
    if (mx_buf_from(env, jinput, &input) != 0 || mx_buf_alloc(env, &out, olm_sha256_length(utility)) != 0) {
        goto done;
    }
    size_t written = olm_sha256(utility, input.data, input.len, out.data, out.len);
    if (mx_failed(written)) {
        mx_throw(env, olm_utility_last_error(utility), "olm_sha256 failed");
    } else if (mx_output_ok(env, &out, written, "olm_sha256 overflow")) {
        result = mx_to_java(env, out.data, written);
    }
done:
    olm_clear_utility(utility);
    free(utility);
    mx_buf_free(&input);
    mx_buf_free(&out);
    return result;
}
