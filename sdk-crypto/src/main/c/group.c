/* mxj JNI glue: Megolm outbound and inbound group sessions. */
#include "mxj_olm.h"

#define NATIVE(name) JNICALL Java_dev_mxj_crypto_olm_libolm_Native_##name

/* ---- outbound --------------------------------------------------------------------------- */

static void outbound_error(JNIEnv *env, OlmOutboundGroupSession *session, const char *what) {
    mx_throw(env, olm_outbound_group_session_last_error(session), what);
}

JNIEXPORT jlong NATIVE(outboundGroupCreate)(JNIEnv *env, jclass cls) {
    (void)cls;
    mx_buf random = {0};
    OlmOutboundGroupSession *session = mx_obj_alloc(env, MX_OUTBOUND_GROUP);
    if (session == NULL) {
        return 0;
    }
    if (mx_random(env, &random, olm_init_outbound_group_session_random_length(session)) != 0) {
        mx_obj_free(MX_OUTBOUND_GROUP, session);
        return 0;
    }
    if (mx_failed(olm_init_outbound_group_session(session, random.data, random.len))) {
        outbound_error(env, session, "olm_init_outbound_group_session failed");
        mx_obj_free(MX_OUTBOUND_GROUP, session);
        session = NULL;
    }
    mx_buf_free(&random);
    return mx_handle(session);
}

JNIEXPORT jbyteArray NATIVE(outboundGroupId)(JNIEnv *env, jclass cls, jlong ptr) {
    (void)cls;
    OlmOutboundGroupSession *session = mx_ptr(ptr);
    mx_buf id = {0};
    jbyteArray result = NULL;
    if (mx_buf_alloc(env, &id, olm_outbound_group_session_id_length(session)) != 0) {
        return NULL;
    }
    size_t written = olm_outbound_group_session_id(session, id.data, id.len);
    if (mx_failed(written)) {
        outbound_error(env, session, "olm_outbound_group_session_id failed");
    } else if (mx_output_ok(env, &id, written, "olm_outbound_group_session_id overflow")) {
        result = mx_to_java(env, id.data, written);
    }
    mx_buf_free(&id);
    return result;
}

JNIEXPORT jbyteArray NATIVE(outboundGroupKey)(JNIEnv *env, jclass cls, jlong ptr) {
    (void)cls;
    OlmOutboundGroupSession *session = mx_ptr(ptr);
    mx_buf key = {0};
    jbyteArray result = NULL;
    if (mx_buf_alloc(env, &key, olm_outbound_group_session_key_length(session)) != 0) {
        return NULL;
    }
    size_t written = olm_outbound_group_session_key(session, key.data, key.len);
    if (mx_failed(written)) {
        outbound_error(env, session, "olm_outbound_group_session_key failed");
    } else if (mx_output_ok(env, &key, written, "olm_outbound_group_session_key overflow")) {
        result = mx_to_java(env, key.data, written);
    }
    mx_buf_free(&key);
    return result;
}

JNIEXPORT jlong NATIVE(outboundGroupMessageIndex)(JNIEnv *env, jclass cls, jlong ptr) {
    (void)env;
    (void)cls;
    return (jlong)olm_outbound_group_session_message_index(mx_ptr(ptr));
}

JNIEXPORT jbyteArray NATIVE(outboundGroupEncrypt)(JNIEnv *env, jclass cls, jlong ptr, jbyteArray jplaintext) {
    (void)cls;
    OlmOutboundGroupSession *session = mx_ptr(ptr);
    mx_buf plaintext = {0}, message = {0};
    jbyteArray result = NULL;
    if (mx_buf_from(env, jplaintext, &plaintext) != 0
        || mx_buf_alloc(env, &message, olm_group_encrypt_message_length(session, plaintext.len)) != 0) {
        goto done;
    }
    size_t written = olm_group_encrypt(session, plaintext.data, plaintext.len, message.data, message.len);
    if (mx_failed(written)) {
        outbound_error(env, session, "olm_group_encrypt failed");
    } else if (mx_output_ok(env, &message, written, "olm_group_encrypt overflow")) {
        result = mx_to_java(env, message.data, written);
    }
done:
    mx_buf_free(&plaintext);
    mx_buf_free(&message);
    return result;
}

/* ---- inbound ---------------------------------------------------------------------------- */

static void inbound_error(JNIEnv *env, OlmInboundGroupSession *session, const char *what) {
    mx_throw(env, olm_inbound_group_session_last_error(session), what);
}

static jlong inbound_create(JNIEnv *env, jbyteArray jkey, int exported) {
    mx_buf key = {0};
    OlmInboundGroupSession *session = NULL;
    if (mx_buf_from(env, jkey, &key) != 0
        || mx_check_b64(env, &key, "the session key is not unpadded base64") != 0
        || (session = mx_obj_alloc(env, MX_INBOUND_GROUP)) == NULL) {
        goto done;
    }
    size_t r = exported ? olm_import_inbound_group_session(session, key.data, key.len)
                        : olm_init_inbound_group_session(session, key.data, key.len);
    if (mx_failed(r)) {
        inbound_error(env, session, exported ? "olm_import_inbound_group_session failed"
                                             : "olm_init_inbound_group_session failed");
        mx_obj_free(MX_INBOUND_GROUP, session);
        session = NULL;
    }
done:
    mx_buf_free(&key);
    return mx_handle(session);
}

JNIEXPORT jlong NATIVE(inboundGroupCreate)(JNIEnv *env, jclass cls, jbyteArray jkey) {
    (void)cls;
    return inbound_create(env, jkey, 0);
}

JNIEXPORT jlong NATIVE(inboundGroupImport)(JNIEnv *env, jclass cls, jbyteArray jkey) {
    (void)cls;
    return inbound_create(env, jkey, 1);
}

JNIEXPORT jbyteArray NATIVE(inboundGroupId)(JNIEnv *env, jclass cls, jlong ptr) {
    (void)cls;
    OlmInboundGroupSession *session = mx_ptr(ptr);
    mx_buf id = {0};
    jbyteArray result = NULL;
    if (mx_buf_alloc(env, &id, olm_inbound_group_session_id_length(session)) != 0) {
        return NULL;
    }
    size_t written = olm_inbound_group_session_id(session, id.data, id.len);
    if (mx_failed(written)) {
        inbound_error(env, session, "olm_inbound_group_session_id failed");
    } else if (mx_output_ok(env, &id, written, "olm_inbound_group_session_id overflow")) {
        result = mx_to_java(env, id.data, written);
    }
    mx_buf_free(&id);
    return result;
}

JNIEXPORT jlong NATIVE(inboundGroupFirstKnownIndex)(JNIEnv *env, jclass cls, jlong ptr) {
    (void)env;
    (void)cls;
    return (jlong)olm_inbound_group_session_first_known_index(mx_ptr(ptr));
}

JNIEXPORT jbyteArray NATIVE(inboundGroupExport)(JNIEnv *env, jclass cls, jlong ptr, jlong index) {
    (void)cls;
    OlmInboundGroupSession *session = mx_ptr(ptr);
    mx_buf key = {0};
    jbyteArray result = NULL;
    if (index < 0 || index > (jlong)UINT32_MAX) {
        mx_throw_java(env, "java/lang/IllegalArgumentException", "message index must be in 0..2^32-1");
        return NULL;
    }
    if (mx_buf_alloc(env, &key, olm_export_inbound_group_session_length(session)) != 0) {
        return NULL;
    }
    size_t written = olm_export_inbound_group_session(session, key.data, key.len, (uint32_t)index);
    if (mx_failed(written)) {
        inbound_error(env, session, "olm_export_inbound_group_session failed");
    } else if (mx_output_ok(env, &key, written, "olm_export_inbound_group_session overflow")) {
        result = mx_to_java(env, key.data, written);
    }
    mx_buf_free(&key);
    return result;
}

JNIEXPORT jbyteArray NATIVE(inboundGroupDecrypt)(JNIEnv *env, jclass cls, jlong ptr, jbyteArray jmessage,
                                                 jlongArray jindex) {
    (void)cls;
    OlmInboundGroupSession *session = mx_ptr(ptr);
    mx_buf message = {0}, scratch = {0}, plaintext = {0};
    jbyteArray result = NULL;
    uint32_t index = 0;
    if (jindex == NULL || (*env)->GetArrayLength(env, jindex) < 1) {
        mx_throw_java(env, "java/lang/IllegalArgumentException", "index holder must have one element");
        return NULL;
    }
    if (mx_buf_from(env, jmessage, &message) != 0
        || mx_check_b64(env, &message, "the Megolm message is not unpadded base64") != 0
        || mx_buf_copy(env, &message, &scratch) != 0) {
        goto done;
    }
    /* Both calls decode the message in place, so each gets its own copy. */
    size_t max = olm_group_decrypt_max_plaintext_length(session, scratch.data, scratch.len);
    if (mx_failed(max)) {
        inbound_error(env, session, "olm_group_decrypt_max_plaintext_length failed");
        goto done;
    }
    if (mx_buf_alloc(env, &plaintext, max) != 0) {
        goto done;
    }
    size_t written = olm_group_decrypt(session, message.data, message.len, plaintext.data, plaintext.len, &index);
    if (mx_failed(written)) {
        inbound_error(env, session, "olm_group_decrypt failed");
    } else if (mx_output_ok(env, &plaintext, written, "the Megolm ciphertext is not a whole number of AES blocks")) {
        jlong value = (jlong)index;
        (*env)->SetLongArrayRegion(env, jindex, 0, 1, &value);
        if (!(*env)->ExceptionCheck(env)) {
            result = mx_to_java(env, plaintext.data, written);
        }
    }
done:
    mx_buf_free(&message);
    mx_buf_free(&scratch);
    mx_buf_free(&plaintext);
    return result;
}
