/* mxj JNI glue: buffers, errors, randomness, base64 checks, library load. */
#include "mxj_olm.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

static jclass crypto_exception;
static jmethodID crypto_exception_init;

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void)reserved;
    JNIEnv *env;
    if ((*vm)->GetEnv(vm, (void **)&env, JNI_VERSION_1_8) != JNI_OK) {
        return JNI_ERR;
    }
    jclass local = (*env)->FindClass(env, "dev/mxj/crypto/CryptoException");
    if (local == NULL) {
        return JNI_ERR;
    }
    crypto_exception = (jclass)(*env)->NewGlobalRef(env, local);
    (*env)->DeleteLocalRef(env, local);
    if (crypto_exception == NULL) {
        return JNI_ERR;
    }
    crypto_exception_init = (*env)->GetMethodID(env, crypto_exception, "<init>",
                                                "(Ljava/lang/String;Ljava/lang/String;)V");
    if (crypto_exception_init == NULL) {
        return JNI_ERR;
    }
    return JNI_VERSION_1_8;
}

/* ---- buffers ---------------------------------------------------------------------------- */

static uint8_t canary(size_t i) {
    return (uint8_t)(0xA5u ^ (i * 31u));
}

int mx_buf_alloc(JNIEnv *env, mx_buf *buf, size_t len) {
    if (len > SIZE_MAX - 2 * MX_GUARD) {
        mx_throw_java(env, "java/lang/OutOfMemoryError", "mxj olm: buffer too large");
        return -1;
    }
    uint8_t *base = calloc(1, len + 2 * MX_GUARD);
    if (base == NULL) {
        mx_throw_java(env, "java/lang/OutOfMemoryError", "mxj olm: out of native memory");
        return -1;
    }
    for (size_t i = 0; i < MX_GUARD; i++) {
        base[i] = canary(i);
        base[MX_GUARD + len + i] = canary(i + MX_GUARD);
    }
    buf->base = base;
    buf->data = base + MX_GUARD;
    buf->len = len;
    return 0;
}

int mx_buf_from(JNIEnv *env, jbyteArray array, mx_buf *buf) {
    if (array == NULL) {
        mx_throw_java(env, "java/lang/NullPointerException", "mxj olm: null array");
        return -1;
    }
    jsize len = (*env)->GetArrayLength(env, array);
    if (mx_buf_alloc(env, buf, (size_t)len) != 0) {
        return -1;
    }
    (*env)->GetByteArrayRegion(env, array, 0, len, (jbyte *)buf->data);
    return (*env)->ExceptionCheck(env) ? -1 : 0;
}

int mx_buf_copy(JNIEnv *env, const mx_buf *src, mx_buf *dst) {
    if (mx_buf_alloc(env, dst, src->len) != 0) {
        return -1;
    }
    memcpy(dst->data, src->data, src->len);
    return 0;
}

/* True if nothing wrote into the guard regions. libolm's AES-CBC decryption writes whole blocks,
 * so a ciphertext whose length is not a multiple of 16 (only a crafted message has one) spills up
 * to 15 bytes past the plaintext buffer libolm itself asked for; the guards catch that. */
int mx_buf_intact(const mx_buf *buf) {
    uint8_t diff = 0;
    for (size_t i = 0; i < MX_GUARD; i++) {
        diff |= (uint8_t)(buf->base[i] ^ canary(i));
        diff |= (uint8_t)(buf->base[MX_GUARD + buf->len + i] ^ canary(i + MX_GUARD));
    }
    return diff == 0;
}

void mx_buf_free(mx_buf *buf) {
    if (buf->base != NULL) {
        explicit_bzero(buf->base, buf->len + 2 * MX_GUARD);
        free(buf->base);
    }
    buf->base = NULL;
    buf->data = NULL;
    buf->len = 0;
}

jbyteArray mx_to_java(JNIEnv *env, const uint8_t *data, size_t len) {
    if (len > (size_t)INT32_MAX) {
        mx_throw_java(env, "java/lang/OutOfMemoryError", "mxj olm: result too large");
        return NULL;
    }
    jbyteArray array = (*env)->NewByteArray(env, (jsize)len);
    if (array == NULL) {
        return NULL; /* OutOfMemoryError pending */
    }
    (*env)->SetByteArrayRegion(env, array, 0, (jsize)len, (const jbyte *)data);
    if ((*env)->ExceptionCheck(env)) {
        (*env)->DeleteLocalRef(env, array);
        return NULL;
    }
    return array;
}

/* ---- errors ----------------------------------------------------------------------------- */

void mx_throw(JNIEnv *env, const char *error_name, const char *what) {
    if ((*env)->ExceptionCheck(env)) {
        return;
    }
    jstring name = (*env)->NewStringUTF(env, error_name != NULL ? error_name : "UNKNOWN_ERROR");
    if (name == NULL) {
        return;
    }
    jstring message = (*env)->NewStringUTF(env, what);
    if (message == NULL) {
        (*env)->DeleteLocalRef(env, name);
        return;
    }
    jobject exception = (*env)->NewObject(env, crypto_exception, crypto_exception_init, name, message);
    if (exception != NULL) {
        (*env)->Throw(env, (jthrowable)exception);
        (*env)->DeleteLocalRef(env, exception);
    }
    (*env)->DeleteLocalRef(env, name);
    (*env)->DeleteLocalRef(env, message);
}

void mx_throw_java(JNIEnv *env, const char *class_name, const char *message) {
    if ((*env)->ExceptionCheck(env)) {
        return;
    }
    jclass cls = (*env)->FindClass(env, class_name);
    if (cls != NULL) {
        (*env)->ThrowNew(env, cls, message);
        (*env)->DeleteLocalRef(env, cls);
    }
}

/* libolm reports how much it wrote; never trust more than the buffer it was given. */
int mx_output_ok(JNIEnv *env, const mx_buf *buf, size_t written, const char *what) {
    if (written > buf->len || !mx_buf_intact(buf)) {
        mx_throw(env, "BAD_MESSAGE_FORMAT", what);
        return 0;
    }
    return 1;
}

/* ---- input checks and randomness -------------------------------------------------------- */

static unsigned in_range(unsigned c, unsigned lo, unsigned hi) {
    return (unsigned)(c - lo) <= (unsigned)(hi - lo);
}

/* libolm's decoder maps any byte to some value and never rejects a character, so garbage
 * "decodes". We accept only the unpadded standard alphabet, without branching per character. */
int mx_check_b64(JNIEnv *env, const mx_buf *buf, const char *what) {
    unsigned bad = (buf->len % 4 == 1);
    for (size_t i = 0; i < buf->len; i++) {
        unsigned c = buf->data[i];
        unsigned ok = in_range(c, 'A', 'Z') | in_range(c, 'a', 'z') | in_range(c, '0', '9')
                      | (c == '+') | (c == '/');
        bad |= ok ^ 1u;
    }
    if (bad) {
        mx_throw(env, "INVALID_BASE64", what);
        return -1;
    }
    return 0;
}

int mx_random(JNIEnv *env, mx_buf *buf, size_t len) {
    if (mx_buf_alloc(env, buf, len) != 0) {
        return -1;
    }
    size_t filled = 0;
    while (filled < len) {
        ssize_t n = getrandom(buf->data + filled, len - filled, 0);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            mx_buf_free(buf);
            mx_throw(env, "NOT_ENOUGH_RANDOM", "getrandom(2) failed");
            return -1;
        }
        filled += (size_t)n;
    }
    return 0;
}

/* ---- library-wide natives --------------------------------------------------------------- */

JNIEXPORT jstring JNICALL Java_dev_mxj_crypto_olm_libolm_Native_libolmVersion(JNIEnv *env, jclass cls) {
    (void)cls;
    uint8_t major = 0, minor = 0, patch = 0;
    char text[16];
    olm_get_library_version(&major, &minor, &patch);
    snprintf(text, sizeof text, "%u.%u.%u", major, minor, patch);
    return (*env)->NewStringUTF(env, text);
}
