/* mxj JNI glue: OlmSession. */
#include "mxj_olm.h"

#define NATIVE(name) JNICALL Java_dev_mxj_crypto_olm_libolm_Native_##name

static void session_error(JNIEnv *env, OlmSession *session, const char *what) {
    mx_throw(env, olm_session_last_error(session), what);
}

JNIEXPORT jlong NATIVE(sessionCreateOutbound)(JNIEnv *env, jclass cls, jlong account_ptr,
                                              jbyteArray jidentity, jbyteArray jone_time) {
    (void)cls;
    mx_buf identity = {0}, one_time = {0}, random = {0};
    OlmSession *session = NULL;
    if (mx_buf_from(env, jidentity, &identity) != 0 || mx_buf_from(env, jone_time, &one_time) != 0
        || mx_check_b64(env, &identity, "their identity key is not unpadded base64") != 0
        || mx_check_b64(env, &one_time, "their one-time key is not unpadded base64") != 0
        || (session = mx_obj_alloc(env, MX_SESSION)) == NULL) {
        goto done;
    }
    if (mx_random(env, &random, olm_create_outbound_session_random_length(session)) != 0) {
        mx_obj_free(MX_SESSION, session);
        session = NULL;
        goto done;
    }
    if (mx_failed(olm_create_outbound_session(session, mx_ptr(account_ptr), identity.data, identity.len,
                                              one_time.data, one_time.len, random.data, random.len))) {
        session_error(env, session, "olm_create_outbound_session failed");
        mx_obj_free(MX_SESSION, session);
        session = NULL;
    }
done:
    mx_buf_free(&identity);
    mx_buf_free(&one_time);
    mx_buf_free(&random);
    return mx_handle(session);
}

JNIEXPORT jlong NATIVE(sessionCreateInbound)(JNIEnv *env, jclass cls, jlong account_ptr,
                                             jbyteArray jidentity, jbyteArray jmessage) {
    (void)cls;
    mx_buf identity = {0}, message = {0}, scratch = {0};
    OlmSession *session = NULL;
    if (mx_buf_from(env, jidentity, &identity) != 0 || mx_buf_from(env, jmessage, &message) != 0
        || mx_check_b64(env, &identity, "their identity key is not unpadded base64") != 0
        || mx_check_b64(env, &message, "the pre-key message is not unpadded base64") != 0
        || mx_buf_copy(env, &message, &scratch) != 0
        || (session = mx_obj_alloc(env, MX_SESSION)) == NULL) {
        goto done;
    }
    /* Not olm_create_inbound_session_from: in libolm 3.2.13 it dereferences NULL (SIGSEGV) when
     * the pre-key message has no identity key field, so any sender could crash us. The plain
     * function rejects such messages (BAD_MESSAGE_FORMAT); the sender is then checked by
     * olm_matches_inbound_session_from, which handles the field correctly. */
    if (mx_failed(olm_create_inbound_session(session, mx_ptr(account_ptr), message.data, message.len))) {
        session_error(env, session, "olm_create_inbound_session failed");
        goto fail;
    }
    size_t matches = olm_matches_inbound_session_from(session, identity.data, identity.len,
                                                      scratch.data, scratch.len);
    if (mx_failed(matches)) {
        session_error(env, session, "olm_matches_inbound_session_from failed");
        goto fail;
    }
    if (matches != 1) {
        mx_throw(env, "BAD_MESSAGE_KEY_ID", "the pre-key message was not sent by that identity key");
        goto fail;
    }
    goto done;
fail:
    mx_obj_free(MX_SESSION, session);
    session = NULL;
done:
    mx_buf_free(&identity);
    mx_buf_free(&message);
    mx_buf_free(&scratch);
    return mx_handle(session);
}

JNIEXPORT jbyteArray NATIVE(sessionId)(JNIEnv *env, jclass cls, jlong ptr) {
    (void)cls;
    OlmSession *session = mx_ptr(ptr);
    mx_buf id = {0};
    jbyteArray result = NULL;
    if (mx_buf_alloc(env, &id, olm_session_id_length(session)) != 0) {
        return NULL;
    }
    size_t written = olm_session_id(session, id.data, id.len);
    if (mx_failed(written)) {
        session_error(env, session, "olm_session_id failed");
    } else if (mx_output_ok(env, &id, written, "olm_session_id overflow")) {
        result = mx_to_java(env, id.data, written);
    }
    mx_buf_free(&id);
    return result;
}

JNIEXPORT jboolean NATIVE(sessionHasReceivedMessage)(JNIEnv *env, jclass cls, jlong ptr) {
    (void)env;
    (void)cls;
    return olm_session_has_received_message(mx_ptr(ptr)) ? JNI_TRUE : JNI_FALSE;
}

JNIEXPORT jboolean NATIVE(sessionMatchesInbound)(JNIEnv *env, jclass cls, jlong ptr,
                                                 jbyteArray jidentity, jbyteArray jmessage) {
    (void)cls;
    OlmSession *session = mx_ptr(ptr);
    mx_buf identity = {0}, message = {0};
    size_t matches = 0;
    if (mx_buf_from(env, jmessage, &message) != 0
        || mx_check_b64(env, &message, "the pre-key message is not unpadded base64") != 0) {
        goto done;
    }
    if (jidentity == NULL) {
        matches = olm_matches_inbound_session(session, message.data, message.len);
    } else {
        if (mx_buf_from(env, jidentity, &identity) != 0
            || mx_check_b64(env, &identity, "their identity key is not unpadded base64") != 0) {
            goto done;
        }
        matches = olm_matches_inbound_session_from(session, identity.data, identity.len,
                                                   message.data, message.len);
    }
    if (mx_failed(matches)) {
        session_error(env, session, "olm_matches_inbound_session failed");
        matches = 0;
    }
done:
    mx_buf_free(&identity);
    mx_buf_free(&message);
    return matches == 1 ? JNI_TRUE : JNI_FALSE;
}

JNIEXPORT jint NATIVE(sessionEncryptMessageType)(JNIEnv *env, jclass cls, jlong ptr) {
    (void)cls;
    OlmSession *session = mx_ptr(ptr);
    size_t type = olm_encrypt_message_type(session);
    if (mx_failed(type)) {
        session_error(env, session, "olm_encrypt_message_type failed");
        return -1;
    }
    return (jint)type;
}

JNIEXPORT jbyteArray NATIVE(sessionEncrypt)(JNIEnv *env, jclass cls, jlong ptr, jbyteArray jplaintext) {
    (void)cls;
    OlmSession *session = mx_ptr(ptr);
    mx_buf plaintext = {0}, random = {0}, message = {0};
    jbyteArray result = NULL;
    if (mx_buf_from(env, jplaintext, &plaintext) != 0
        || mx_random(env, &random, olm_encrypt_random_length(session)) != 0
        || mx_buf_alloc(env, &message, olm_encrypt_message_length(session, plaintext.len)) != 0) {
        goto done;
    }
    size_t written = olm_encrypt(session, plaintext.data, plaintext.len, random.data, random.len,
                                 message.data, message.len);
    if (mx_failed(written)) {
        session_error(env, session, "olm_encrypt failed");
    } else if (mx_output_ok(env, &message, written, "olm_encrypt overflow")) {
        result = mx_to_java(env, message.data, written);
    }
done:
    mx_buf_free(&plaintext);
    mx_buf_free(&random);
    mx_buf_free(&message);
    return result;
}

JNIEXPORT jbyteArray NATIVE(sessionDecrypt)(JNIEnv *env, jclass cls, jlong ptr, jint type, jbyteArray jmessage) {
    (void)cls;
    OlmSession *session = mx_ptr(ptr);
    mx_buf message = {0}, scratch = {0}, plaintext = {0};
    jbyteArray result = NULL;
    if (type != (jint)OLM_MESSAGE_TYPE_PRE_KEY && type != (jint)OLM_MESSAGE_TYPE_MESSAGE) {
        mx_throw(env, "BAD_MESSAGE_FORMAT", "unknown Olm message type");
        return NULL;
    }
    if (mx_buf_from(env, jmessage, &message) != 0
        || mx_check_b64(env, &message, "the Olm message is not unpadded base64") != 0
        || mx_buf_copy(env, &message, &scratch) != 0) {
        goto done;
    }
    /* Both calls decode the message in place, so each gets its own copy. */
    size_t max = olm_decrypt_max_plaintext_length(session, (size_t)type, scratch.data, scratch.len);
    if (mx_failed(max)) {
        session_error(env, session, "olm_decrypt_max_plaintext_length failed");
        goto done;
    }
    if (mx_buf_alloc(env, &plaintext, max) != 0) {
        goto done;
    }
    size_t written = olm_decrypt(session, (size_t)type, message.data, message.len, plaintext.data, plaintext.len);
    if (mx_failed(written)) {
        session_error(env, session, "olm_decrypt failed");
    } else if (mx_output_ok(env, &plaintext, written, "the Olm ciphertext is not a whole number of AES blocks")) {
        result = mx_to_java(env, plaintext.data, written);
    }
done:
    mx_buf_free(&message);
    mx_buf_free(&scratch);
    mx_buf_free(&plaintext);
    return result;
}
