/* mxj JNI glue: PK encryption, decryption (key backup) and signing (cross-signing). */
#include "mxj_olm.h"

#include <string.h>

#define NATIVE(name) JNICALL Java_dev_mxj_crypto_olm_libolm_Native_##name

/* ---- encryption ------------------------------------------------------------------------- */

JNIEXPORT jlong NATIVE(pkEncryptionCreate)(JNIEnv *env, jclass cls, jbyteArray jkey) {
    (void)cls;
    mx_buf key = {0};
    OlmPkEncryption *encryption = NULL;
    if (mx_buf_from(env, jkey, &key) != 0
        || mx_check_b64(env, &key, "the recipient key is not unpadded base64") != 0) {
        goto done;
    }
    if (key.len != olm_pk_key_length()) { /* libolm would read the first 43 bytes of anything longer */
        mx_throw(env, "INVALID_BASE64", "the recipient key is not a Curve25519 public key");
        goto done;
    }
    if ((encryption = mx_obj_alloc(env, MX_PK_ENCRYPTION)) == NULL) {
        goto done;
    }
    if (mx_failed(olm_pk_encryption_set_recipient_key(encryption, key.data, key.len))) {
        mx_throw(env, olm_pk_encryption_last_error(encryption), "olm_pk_encryption_set_recipient_key failed");
        mx_obj_free(MX_PK_ENCRYPTION, encryption);
        encryption = NULL;
    }
done:
    mx_buf_free(&key);
    return mx_handle(encryption);
}

/* Returns {ciphertext, mac, ephemeral key}. */
JNIEXPORT jobjectArray NATIVE(pkEncrypt)(JNIEnv *env, jclass cls, jlong ptr, jbyteArray jplaintext) {
    (void)cls;
    OlmPkEncryption *encryption = mx_ptr(ptr);
    mx_buf plaintext = {0}, ciphertext = {0}, mac = {0}, ephemeral = {0}, random = {0};
    jobjectArray result = NULL;
    if (mx_buf_from(env, jplaintext, &plaintext) != 0
        || mx_buf_alloc(env, &ciphertext, olm_pk_ciphertext_length(encryption, plaintext.len)) != 0
        || mx_buf_alloc(env, &mac, olm_pk_mac_length(encryption)) != 0
        || mx_buf_alloc(env, &ephemeral, olm_pk_key_length()) != 0
        || mx_random(env, &random, olm_pk_encrypt_random_length(encryption)) != 0) {
        goto done;
    }
    if (mx_failed(olm_pk_encrypt(encryption, plaintext.data, plaintext.len, ciphertext.data, ciphertext.len,
                                 mac.data, mac.len, ephemeral.data, ephemeral.len, random.data, random.len))) {
        mx_throw(env, olm_pk_encryption_last_error(encryption), "olm_pk_encrypt failed");
        goto done;
    }
    if (!mx_output_ok(env, &ciphertext, ciphertext.len, "olm_pk_encrypt overflow")
        || !mx_output_ok(env, &mac, mac.len, "olm_pk_encrypt overflow")
        || !mx_output_ok(env, &ephemeral, ephemeral.len, "olm_pk_encrypt overflow")) {
        goto done;
    }
    jclass bytes = (*env)->FindClass(env, "[B");
    if (bytes == NULL || (result = (*env)->NewObjectArray(env, 3, bytes, NULL)) == NULL) {
        goto done;
    }
    const mx_buf *parts[3] = {&ciphertext, &mac, &ephemeral};
    for (int i = 0; i < 3; i++) {
        jbyteArray part = mx_to_java(env, parts[i]->data, parts[i]->len);
        if (part == NULL) {
            result = NULL;
            goto done;
        }
        (*env)->SetObjectArrayElement(env, result, i, part);
        (*env)->DeleteLocalRef(env, part);
        if ((*env)->ExceptionCheck(env)) {
            result = NULL;
            goto done;
        }
    }
done:
    mx_buf_free(&plaintext);
    mx_buf_free(&ciphertext);
    mx_buf_free(&mac);
    mx_buf_free(&ephemeral);
    mx_buf_free(&random);
    return result;
}

/* ---- decryption ------------------------------------------------------------------------- */

static jlong decryption_from(JNIEnv *env, const mx_buf *private_key) {
    OlmPkDecryption *decryption = mx_obj_alloc(env, MX_PK_DECRYPTION);
    if (decryption == NULL) {
        return 0;
    }
    if (mx_failed(olm_pk_key_from_private(decryption, mx_obj_extra(MX_PK_DECRYPTION, decryption),
                                          olm_pk_key_length(), private_key->data, private_key->len))) {
        mx_throw(env, olm_pk_decryption_last_error(decryption), "olm_pk_key_from_private failed");
        mx_obj_free(MX_PK_DECRYPTION, decryption);
        return 0;
    }
    return mx_handle(decryption);
}

JNIEXPORT jlong NATIVE(pkDecryptionCreate)(JNIEnv *env, jclass cls) {
    (void)cls;
    mx_buf private_key = {0};
    if (mx_random(env, &private_key, olm_pk_private_key_length()) != 0) {
        return 0;
    }
    jlong handle = decryption_from(env, &private_key);
    mx_buf_free(&private_key);
    return handle;
}

JNIEXPORT jlong NATIVE(pkDecryptionFromPrivateKey)(JNIEnv *env, jclass cls, jbyteArray jkey) {
    (void)cls;
    mx_buf private_key = {0};
    jlong handle = 0;
    if (mx_buf_from(env, jkey, &private_key) != 0) {
        return 0;
    }
    if (private_key.len != olm_pk_private_key_length()) {
        mx_throw(env, "OLM_INPUT_BUFFER_TOO_SMALL", "a Curve25519 private key is 32 bytes");
    } else {
        handle = decryption_from(env, &private_key);
    }
    mx_buf_free(&private_key);
    return handle;
}

JNIEXPORT jbyteArray NATIVE(pkDecryptionPublicKey)(JNIEnv *env, jclass cls, jlong ptr) {
    (void)cls;
    return mx_to_java(env, mx_obj_extra(MX_PK_DECRYPTION, mx_ptr(ptr)), olm_pk_key_length());
}

JNIEXPORT jbyteArray NATIVE(pkDecryptionPrivateKey)(JNIEnv *env, jclass cls, jlong ptr) {
    (void)cls;
    OlmPkDecryption *decryption = mx_ptr(ptr);
    mx_buf key = {0};
    jbyteArray result = NULL;
    if (mx_buf_alloc(env, &key, olm_pk_private_key_length()) != 0) {
        return NULL;
    }
    size_t written = olm_pk_get_private_key(decryption, key.data, key.len);
    if (mx_failed(written)) {
        mx_throw(env, olm_pk_decryption_last_error(decryption), "olm_pk_get_private_key failed");
    } else if (mx_output_ok(env, &key, written, "olm_pk_get_private_key overflow")) {
        result = mx_to_java(env, key.data, written);
    }
    mx_buf_free(&key);
    return result;
}

/* The MAC of this scheme covers an empty input (see PkMessage), so a ciphertext of any length
 * reaches AES; libolm then decrypts whole blocks past the end of a short one. Refuse those. */
static int whole_blocks(size_t b64_length) {
    size_t raw = (b64_length / 4) * 3 + (b64_length % 4 == 0 ? 0 : b64_length % 4 - 1);
    return raw > 0 && raw % 16 == 0;
}

JNIEXPORT jbyteArray NATIVE(pkDecrypt)(JNIEnv *env, jclass cls, jlong ptr, jbyteArray jephemeral,
                                       jbyteArray jmac, jbyteArray jciphertext) {
    (void)cls;
    OlmPkDecryption *decryption = mx_ptr(ptr);
    mx_buf ephemeral = {0}, mac = {0}, ciphertext = {0}, plaintext = {0};
    jbyteArray result = NULL;
    if (mx_buf_from(env, jephemeral, &ephemeral) != 0 || mx_buf_from(env, jmac, &mac) != 0
        || mx_buf_from(env, jciphertext, &ciphertext) != 0
        || mx_check_b64(env, &ephemeral, "the ephemeral key is not unpadded base64") != 0
        || mx_check_b64(env, &mac, "the MAC is not unpadded base64") != 0
        || mx_check_b64(env, &ciphertext, "the ciphertext is not unpadded base64") != 0) {
        goto done;
    }
    if (!whole_blocks(ciphertext.len)) {
        mx_throw(env, "BAD_MESSAGE_FORMAT", "the ciphertext is not a whole number of AES blocks");
        goto done;
    }
    if (mx_buf_alloc(env, &plaintext, olm_pk_max_plaintext_length(decryption, ciphertext.len)) != 0) {
        goto done;
    }
    size_t written = olm_pk_decrypt(decryption, ephemeral.data, ephemeral.len, mac.data, mac.len,
                                    ciphertext.data, ciphertext.len, plaintext.data, plaintext.len);
    if (mx_failed(written)) {
        mx_throw(env, olm_pk_decryption_last_error(decryption), "olm_pk_decrypt failed");
    } else if (mx_output_ok(env, &plaintext, written, "olm_pk_decrypt wrote outside its buffer")) {
        result = mx_to_java(env, plaintext.data, written);
    }
done:
    mx_buf_free(&ephemeral);
    mx_buf_free(&mac);
    mx_buf_free(&ciphertext);
    mx_buf_free(&plaintext);
    return result;
}

/* ---- signing ---------------------------------------------------------------------------- */

static jlong signing_from(JNIEnv *env, const mx_buf *seed) {
    OlmPkSigning *signing = mx_obj_alloc(env, MX_PK_SIGNING);
    if (signing == NULL) {
        return 0;
    }
    uint8_t *kept_seed = mx_obj_extra(MX_PK_SIGNING, signing);
    uint8_t *public_key = kept_seed + olm_pk_signing_seed_length();
    memcpy(kept_seed, seed->data, olm_pk_signing_seed_length());
    if (mx_failed(olm_pk_signing_key_from_seed(signing, public_key, olm_pk_signing_public_key_length(),
                                               seed->data, seed->len))) {
        mx_throw(env, olm_pk_signing_last_error(signing), "olm_pk_signing_key_from_seed failed");
        mx_obj_free(MX_PK_SIGNING, signing);
        return 0;
    }
    return mx_handle(signing);
}

JNIEXPORT jlong NATIVE(pkSigningCreate)(JNIEnv *env, jclass cls) {
    (void)cls;
    mx_buf seed = {0};
    if (mx_random(env, &seed, olm_pk_signing_seed_length()) != 0) {
        return 0;
    }
    jlong handle = signing_from(env, &seed);
    mx_buf_free(&seed);
    return handle;
}

JNIEXPORT jlong NATIVE(pkSigningFromSeed)(JNIEnv *env, jclass cls, jbyteArray jseed) {
    (void)cls;
    mx_buf seed = {0};
    jlong handle = 0;
    if (mx_buf_from(env, jseed, &seed) != 0) {
        return 0;
    }
    if (seed.len != olm_pk_signing_seed_length()) {
        mx_throw(env, "OLM_INPUT_BUFFER_TOO_SMALL", "an Ed25519 seed is 32 bytes");
    } else {
        handle = signing_from(env, &seed);
    }
    mx_buf_free(&seed);
    return handle;
}

JNIEXPORT jbyteArray NATIVE(pkSigningPublicKey)(JNIEnv *env, jclass cls, jlong ptr) {
    (void)cls;
    uint8_t *extra = mx_obj_extra(MX_PK_SIGNING, mx_ptr(ptr));
    return mx_to_java(env, extra + olm_pk_signing_seed_length(), olm_pk_signing_public_key_length());
}

JNIEXPORT jbyteArray NATIVE(pkSigningSeed)(JNIEnv *env, jclass cls, jlong ptr) {
    (void)cls;
    return mx_to_java(env, mx_obj_extra(MX_PK_SIGNING, mx_ptr(ptr)), olm_pk_signing_seed_length());
}

JNIEXPORT jbyteArray NATIVE(pkSign)(JNIEnv *env, jclass cls, jlong ptr, jbyteArray jmessage) {
    (void)cls;
    OlmPkSigning *signing = mx_ptr(ptr);
    mx_buf message = {0}, signature = {0};
    jbyteArray result = NULL;
    if (mx_buf_from(env, jmessage, &message) != 0
        || mx_buf_alloc(env, &signature, olm_pk_signature_length()) != 0) {
        goto done;
    }
    size_t written = olm_pk_sign(signing, message.data, message.len, signature.data, signature.len);
    if (mx_failed(written)) {
        mx_throw(env, olm_pk_signing_last_error(signing), "olm_pk_sign failed");
    } else if (mx_output_ok(env, &signature, written, "olm_pk_sign overflow")) {
        result = mx_to_java(env, signature.data, written);
    }
done:
    mx_buf_free(&message);
    mx_buf_free(&signature);
    return result;
}
