/* mxj JNI glue: OlmAccount. */
#include "mxj_olm.h"

#define NATIVE(name) JNICALL Java_dev_mxj_crypto_olm_libolm_Native_##name

static void account_error(JNIEnv *env, OlmAccount *account, const char *what) {
    mx_throw(env, olm_account_last_error(account), what);
}

/* Calls one of libolm's "write into this buffer" account functions and returns the bytes. */
static jbyteArray account_output(JNIEnv *env, OlmAccount *account, size_t length,
                                 size_t (*fn)(OlmAccount *, void *, size_t), const char *what) {
    mx_buf out = {0};
    jbyteArray result = NULL;
    if (mx_buf_alloc(env, &out, length) != 0) {
        return NULL;
    }
    size_t written = fn(account, out.data, out.len);
    if (mx_failed(written)) {
        account_error(env, account, what);
    } else if (mx_output_ok(env, &out, written, what)) {
        result = mx_to_java(env, out.data, written);
    }
    mx_buf_free(&out);
    return result;
}

JNIEXPORT jlong NATIVE(accountCreate)(JNIEnv *env, jclass cls) {
    (void)cls;
    mx_buf random = {0};
    OlmAccount *account = mx_obj_alloc(env, MX_ACCOUNT);
    if (account == NULL) {
        return 0;
    }
    if (mx_random(env, &random, olm_create_account_random_length(account)) != 0) {
        mx_obj_free(MX_ACCOUNT, account);
        return 0;
    }
    if (mx_failed(olm_create_account(account, random.data, random.len))) {
        account_error(env, account, "olm_create_account failed");
        mx_obj_free(MX_ACCOUNT, account);
        account = NULL;
    }
    mx_buf_free(&random);
    return mx_handle(account);
}

JNIEXPORT jbyteArray NATIVE(accountIdentityKeys)(JNIEnv *env, jclass cls, jlong ptr) {
    (void)cls;
    OlmAccount *account = mx_ptr(ptr);
    return account_output(env, account, olm_account_identity_keys_length(account),
                          olm_account_identity_keys, "olm_account_identity_keys failed");
}

JNIEXPORT jbyteArray NATIVE(accountSign)(JNIEnv *env, jclass cls, jlong ptr, jbyteArray jmessage) {
    (void)cls;
    OlmAccount *account = mx_ptr(ptr);
    mx_buf message = {0}, signature = {0};
    jbyteArray result = NULL;
    if (mx_buf_from(env, jmessage, &message) != 0
        || mx_buf_alloc(env, &signature, olm_account_signature_length(account)) != 0) {
        goto done;
    }
    size_t written = olm_account_sign(account, message.data, message.len, signature.data, signature.len);
    if (mx_failed(written)) {
        account_error(env, account, "olm_account_sign failed");
    } else if (mx_output_ok(env, &signature, written, "olm_account_sign overflow")) {
        result = mx_to_java(env, signature.data, written);
    }
done:
    mx_buf_free(&message);
    mx_buf_free(&signature);
    return result;
}

JNIEXPORT jint NATIVE(accountMaxOneTimeKeys)(JNIEnv *env, jclass cls, jlong ptr) {
    (void)env;
    (void)cls;
    size_t max = olm_account_max_number_of_one_time_keys(mx_ptr(ptr));
    return max > INT32_MAX ? INT32_MAX : (jint)max;
}

JNIEXPORT void NATIVE(accountGenerateOneTimeKeys)(JNIEnv *env, jclass cls, jlong ptr, jint count) {
    (void)cls;
    OlmAccount *account = mx_ptr(ptr);
    mx_buf random = {0};
    if (count < 0) {
        mx_throw_java(env, "java/lang/IllegalArgumentException", "count must not be negative");
        return;
    }
    size_t length = olm_account_generate_one_time_keys_random_length(account, (size_t)count);
    if (mx_random(env, &random, length) != 0) {
        return;
    }
    if (mx_failed(olm_account_generate_one_time_keys(account, (size_t)count, random.data, random.len))) {
        account_error(env, account, "olm_account_generate_one_time_keys failed");
    }
    mx_buf_free(&random);
}

JNIEXPORT jbyteArray NATIVE(accountOneTimeKeys)(JNIEnv *env, jclass cls, jlong ptr) {
    (void)cls;
    OlmAccount *account = mx_ptr(ptr);
    return account_output(env, account, olm_account_one_time_keys_length(account),
                          olm_account_one_time_keys, "olm_account_one_time_keys failed");
}

JNIEXPORT void NATIVE(accountMarkKeysAsPublished)(JNIEnv *env, jclass cls, jlong ptr) {
    (void)env;
    (void)cls;
    olm_account_mark_keys_as_published(mx_ptr(ptr)); /* returns a count, never olm_error() */
}

JNIEXPORT void NATIVE(accountGenerateFallbackKey)(JNIEnv *env, jclass cls, jlong ptr) {
    (void)cls;
    OlmAccount *account = mx_ptr(ptr);
    mx_buf random = {0};
    if (mx_random(env, &random, olm_account_generate_fallback_key_random_length(account)) != 0) {
        return;
    }
    if (mx_failed(olm_account_generate_fallback_key(account, random.data, random.len))) {
        account_error(env, account, "olm_account_generate_fallback_key failed");
    }
    mx_buf_free(&random);
}

JNIEXPORT jbyteArray NATIVE(accountUnpublishedFallbackKey)(JNIEnv *env, jclass cls, jlong ptr) {
    (void)cls;
    OlmAccount *account = mx_ptr(ptr);
    return account_output(env, account, olm_account_unpublished_fallback_key_length(account),
                          olm_account_unpublished_fallback_key, "olm_account_unpublished_fallback_key failed");
}

JNIEXPORT void NATIVE(accountForgetOldFallbackKey)(JNIEnv *env, jclass cls, jlong ptr) {
    (void)env;
    (void)cls;
    olm_account_forget_old_fallback_key(mx_ptr(ptr));
}

JNIEXPORT void NATIVE(accountRemoveOneTimeKeys)(JNIEnv *env, jclass cls, jlong account_ptr, jlong session_ptr) {
    (void)cls;
    OlmAccount *account = mx_ptr(account_ptr);
    if (mx_failed(olm_remove_one_time_keys(account, mx_ptr(session_ptr)))) {
        account_error(env, account, "olm_remove_one_time_keys failed");
    }
}
