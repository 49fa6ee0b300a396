/*
 * mxj JNI glue for libolm 3: shared declarations.
 *
 * Rules every function in this library follows:
 *  - Java arrays are never pinned: inputs are copied into our own buffers (GetByteArrayRegion),
 *    outputs are copied out (SetByteArrayRegion). So there is nothing to release on any path, and
 *    libolm's habit of destroying its input buffers never touches Java memory.
 *  - Every buffer we hand libolm is sized from libolm's own *_length functions and has MX_GUARD
 *    bytes of canary on both sides; every buffer is wiped (explicit_bzero) before it is freed.
 *  - Every libolm return value is compared with olm_error(); on failure a
 *    dev.mxj.crypto.CryptoException carrying libolm's error name is thrown and the function
 *    returns a neutral value at once. After any JNI call that can throw, we check and return.
 *  - Random bytes come from the kernel (getrandom(2), i.e. /dev/urandom's pool) in C; they never
 *    enter the Java heap.
 */
#ifndef MXJ_OLM_H
#define MXJ_OLM_H

#include <jni.h>
#include <stddef.h>
#include <stdint.h>

#include <olm/olm.h>
#include <olm/pk.h>
#include <olm/sas.h>

#include "dev_mxj_crypto_olm_libolm_Native.h"

/* Object kinds; the numbers match the constants in Native.java. */
enum {
    MX_ACCOUNT = 1,
    MX_SESSION = 2,
    MX_OUTBOUND_GROUP = 3,
    MX_INBOUND_GROUP = 4,
    MX_PK_ENCRYPTION = 5,
    MX_PK_DECRYPTION = 6,
    MX_PK_SIGNING = 7,
    MX_SAS = 8,
    MX_KIND_COUNT = 9
};

/* Canary bytes on each side of every buffer (at least one AES block: see mx_buf_intact). */
#define MX_GUARD 32

/* A heap buffer with guard regions: data points MX_GUARD bytes into base. */
typedef struct {
    uint8_t *base;
    uint8_t *data;
    size_t len;
} mx_buf;

/* buffers (common.c) */
int mx_buf_alloc(JNIEnv *env, mx_buf *buf, size_t len);
int mx_buf_from(JNIEnv *env, jbyteArray array, mx_buf *buf);
int mx_buf_copy(JNIEnv *env, const mx_buf *src, mx_buf *dst);
int mx_buf_intact(const mx_buf *buf);
void mx_buf_free(mx_buf *buf);
jbyteArray mx_to_java(JNIEnv *env, const uint8_t *data, size_t len);

/* errors and checks (common.c) */
void mx_throw(JNIEnv *env, const char *error_name, const char *what);
void mx_throw_java(JNIEnv *env, const char *class_name, const char *message);
int mx_check_b64(JNIEnv *env, const mx_buf *buf, const char *what);
int mx_random(JNIEnv *env, mx_buf *buf, size_t len);
int mx_output_ok(JNIEnv *env, const mx_buf *buf, size_t written, const char *what);

/* objects (kinds.c) */
void *mx_obj_alloc(JNIEnv *env, int kind);
void mx_obj_free(int kind, void *obj);
const char *mx_obj_error(int kind, const void *obj);
uint8_t *mx_obj_extra(int kind, void *obj);

static inline void *mx_ptr(jlong handle) {
    return (void *)(intptr_t)handle;
}

static inline jlong mx_handle(void *obj) {
    return (jlong)(intptr_t)obj;
}

static inline int mx_failed(size_t result) {
    return result == olm_error();
}

#endif
