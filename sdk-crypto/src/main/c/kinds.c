/* mxj JNI glue: one table describing each libolm object kind; generic alloc, free, pickle. */
#include "mxj_olm.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *name;
    size_t (*size)(void);
    void (*init)(void *memory);
    void (*clear)(void *obj);
    const char *(*error)(const void *obj);
    size_t (*extra)(void);
    size_t (*pickle_length)(const void *obj);
    size_t (*pickle)(void *obj, const void *key, size_t key_len, void *out, size_t out_len);
    size_t (*unpickle)(void *obj, const void *key, size_t key_len, void *in, size_t in_len);
} mx_kind;

static size_t no_extra(void) { return 0; }

/* Account */
static void acc_init(void *m) { olm_account(m); }
static void acc_clear(void *o) { olm_clear_account(o); }
static const char *acc_error(const void *o) { return olm_account_last_error(o); }
static size_t acc_plen(const void *o) { return olm_pickle_account_length(o); }
static size_t acc_pickle(void *o, const void *k, size_t kl, void *p, size_t pl) { return olm_pickle_account(o, k, kl, p, pl); }
static size_t acc_unpickle(void *o, const void *k, size_t kl, void *p, size_t pl) { return olm_unpickle_account(o, k, kl, p, pl); }

/* Olm session */
static void ses_init(void *m) { olm_session(m); }
static void ses_clear(void *o) { olm_clear_session(o); }
static const char *ses_error(const void *o) { return olm_session_last_error(o); }
static size_t ses_plen(const void *o) { return olm_pickle_session_length(o); }
static size_t ses_pickle(void *o, const void *k, size_t kl, void *p, size_t pl) { return olm_pickle_session(o, k, kl, p, pl); }
static size_t ses_unpickle(void *o, const void *k, size_t kl, void *p, size_t pl) { return olm_unpickle_session(o, k, kl, p, pl); }

/* Megolm outbound */
static void ogs_init(void *m) { olm_outbound_group_session(m); }
static void ogs_clear(void *o) { olm_clear_outbound_group_session(o); }
static const char *ogs_error(const void *o) { return olm_outbound_group_session_last_error(o); }
static size_t ogs_plen(const void *o) { return olm_pickle_outbound_group_session_length(o); }
static size_t ogs_pickle(void *o, const void *k, size_t kl, void *p, size_t pl) { return olm_pickle_outbound_group_session(o, k, kl, p, pl); }
static size_t ogs_unpickle(void *o, const void *k, size_t kl, void *p, size_t pl) { return olm_unpickle_outbound_group_session(o, k, kl, p, pl); }

/* Megolm inbound */
static void igs_init(void *m) { olm_inbound_group_session(m); }
static void igs_clear(void *o) { olm_clear_inbound_group_session(o); }
static const char *igs_error(const void *o) { return olm_inbound_group_session_last_error(o); }
static size_t igs_plen(const void *o) { return olm_pickle_inbound_group_session_length(o); }
static size_t igs_pickle(void *o, const void *k, size_t kl, void *p, size_t pl) { return olm_pickle_inbound_group_session(o, k, kl, p, pl); }
static size_t igs_unpickle(void *o, const void *k, size_t kl, void *p, size_t pl) { return olm_unpickle_inbound_group_session(o, k, kl, p, pl); }

/* PK encryption (not picklable) */
static void pke_init(void *m) { olm_pk_encryption(m); }
static void pke_clear(void *o) { olm_clear_pk_encryption(o); }
static const char *pke_error(const void *o) { return olm_pk_encryption_last_error(o); }

/* PK decryption; extra = the public key, which libolm only reports when the key is set */
static void pkd_init(void *m) { olm_pk_decryption(m); }
static void pkd_clear(void *o) { olm_clear_pk_decryption(o); }
static const char *pkd_error(const void *o) { return olm_pk_decryption_last_error(o); }
static size_t pkd_extra(void) { return olm_pk_key_length(); }
static size_t pkd_plen(const void *o) { return olm_pickle_pk_decryption_length(o); }
static size_t pkd_pickle(void *o, const void *k, size_t kl, void *p, size_t pl) { return olm_pickle_pk_decryption(o, k, kl, p, pl); }
static size_t pkd_unpickle(void *o, const void *k, size_t kl, void *p, size_t pl) {
    return olm_unpickle_pk_decryption(o, k, kl, p, pl, (uint8_t *)o + olm_pk_decryption_size(), olm_pk_key_length());
}

/* PK signing; extra = the seed (libolm cannot give it back) followed by the public key */
static void pks_init(void *m) { olm_pk_signing(m); }
static void pks_clear(void *o) { olm_clear_pk_signing(o); }
static const char *pks_error(const void *o) { return olm_pk_signing_last_error(o); }
static size_t pks_extra(void) { return olm_pk_signing_seed_length() + olm_pk_signing_public_key_length(); }

/* SAS */
static void sas_init(void *m) { olm_sas(m); }
static void sas_clear(void *o) { olm_clear_sas(o); }
static const char *sas_error(const void *o) { return olm_sas_last_error(o); }

static const mx_kind KINDS[MX_KIND_COUNT] = {
    [MX_ACCOUNT] = {"account", olm_account_size, acc_init, acc_clear, acc_error, no_extra,
                    acc_plen, acc_pickle, acc_unpickle},
    [MX_SESSION] = {"session", olm_session_size, ses_init, ses_clear, ses_error, no_extra,
                    ses_plen, ses_pickle, ses_unpickle},
    [MX_OUTBOUND_GROUP] = {"outbound group session", olm_outbound_group_session_size, ogs_init,
                           ogs_clear, ogs_error, no_extra, ogs_plen, ogs_pickle, ogs_unpickle},
    [MX_INBOUND_GROUP] = {"inbound group session", olm_inbound_group_session_size, igs_init,
                          igs_clear, igs_error, no_extra, igs_plen, igs_pickle, igs_unpickle},
    [MX_PK_ENCRYPTION] = {"PK encryption", olm_pk_encryption_size, pke_init, pke_clear, pke_error,
                          no_extra, NULL, NULL, NULL},
    [MX_PK_DECRYPTION] = {"PK decryption", olm_pk_decryption_size, pkd_init, pkd_clear, pkd_error,
                          pkd_extra, pkd_plen, pkd_pickle, pkd_unpickle},
    [MX_PK_SIGNING] = {"PK signing", olm_pk_signing_size, pks_init, pks_clear, pks_error, pks_extra,
                       NULL, NULL, NULL},
    [MX_SAS] = {"SAS", olm_sas_size, sas_init, sas_clear, sas_error, no_extra, NULL, NULL, NULL},
};

static const mx_kind *kind_of(JNIEnv *env, jint kind) {
    if (kind <= 0 || kind >= MX_KIND_COUNT) {
        mx_throw_java(env, "java/lang/IllegalArgumentException", "mxj olm: unknown object kind");
        return NULL;
    }
    return &KINDS[kind];
}

static size_t total_size(const mx_kind *k) {
    return k->size() + k->extra();
}

void *mx_obj_alloc(JNIEnv *env, int kind) {
    const mx_kind *k = kind_of(env, kind);
    if (k == NULL) {
        return NULL;
    }
    void *memory = calloc(1, total_size(k));
    if (memory == NULL) {
        mx_throw_java(env, "java/lang/OutOfMemoryError", "mxj olm: out of native memory");
        return NULL;
    }
    k->init(memory);
    return memory;
}

void mx_obj_free(int kind, void *obj) {
    if (obj == NULL || kind <= 0 || kind >= MX_KIND_COUNT) {
        return;
    }
    const mx_kind *k = &KINDS[kind];
    k->clear(obj);
    explicit_bzero(obj, total_size(k));
    free(obj);
}

const char *mx_obj_error(int kind, const void *obj) {
    return KINDS[kind].error(obj);
}

uint8_t *mx_obj_extra(int kind, void *obj) {
    return (uint8_t *)obj + KINDS[kind].size();
}

JNIEXPORT void JNICALL Java_dev_mxj_crypto_olm_libolm_Native_free(JNIEnv *env, jclass cls, jint kind, jlong ptr) {
    (void)env;
    (void)cls;
    mx_obj_free(kind, mx_ptr(ptr));
}

JNIEXPORT jbyteArray JNICALL Java_dev_mxj_crypto_olm_libolm_Native_pickle(JNIEnv *env, jclass cls, jint kind,
                                                                         jlong ptr, jbyteArray jkey) {
    (void)cls;
    const mx_kind *k = kind_of(env, kind);
    void *obj = mx_ptr(ptr);
    mx_buf key = {0}, out = {0};
    jbyteArray result = NULL;
    if (k == NULL || k->pickle == NULL) {
        mx_throw_java(env, "java/lang/IllegalArgumentException", "mxj olm: object cannot be pickled");
        return NULL;
    }
    if (mx_buf_from(env, jkey, &key) != 0 || mx_buf_alloc(env, &out, k->pickle_length(obj)) != 0) {
        goto done;
    }
    size_t written = k->pickle(obj, key.data, key.len, out.data, out.len);
    if (mx_failed(written)) {
        mx_throw(env, k->error(obj), "pickling failed");
    } else if (mx_output_ok(env, &out, written, "pickle output overflow")) {
        result = mx_to_java(env, out.data, written);
    }
done:
    mx_buf_free(&key);
    mx_buf_free(&out);
    return result;
}

JNIEXPORT jlong JNICALL Java_dev_mxj_crypto_olm_libolm_Native_unpickle(JNIEnv *env, jclass cls, jint kind,
                                                                      jbyteArray jkey, jbyteArray jpickle) {
    (void)cls;
    const mx_kind *k = kind_of(env, kind);
    mx_buf key = {0}, pickle = {0};
    void *obj = NULL;
    if (k == NULL || k->unpickle == NULL) {
        mx_throw_java(env, "java/lang/IllegalArgumentException", "mxj olm: object cannot be unpickled");
        return 0;
    }
    if (mx_buf_from(env, jkey, &key) != 0 || mx_buf_from(env, jpickle, &pickle) != 0
        || mx_check_b64(env, &pickle, "the pickle is not unpadded base64") != 0
        || (obj = mx_obj_alloc(env, kind)) == NULL) {
        goto done;
    }
    /* libolm decodes and decrypts the pickle in place: our copy, wiped below. */
    if (mx_failed(k->unpickle(obj, key.data, key.len, pickle.data, pickle.len))) {
        mx_throw(env, k->error(obj), "unpickling failed");
        mx_obj_free(kind, obj);
        obj = NULL;
    } else if (!mx_buf_intact(&pickle)) {
        mx_throw(env, "CORRUPTED_PICKLE", "unpickling wrote outside its buffer");
        mx_obj_free(kind, obj);
        obj = NULL;
    }
done:
    mx_buf_free(&key);
    mx_buf_free(&pickle);
    return mx_handle(obj);
}
