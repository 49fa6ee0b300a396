/*
 * libolm's own cost for the Megolm workloads of dev.mxj.bench.crypto.CryptoBench, with no JNI:
 * the baseline for the JNI overhead figure. CryptoBench compiles this with gcc at bench time
 * (gcc -O2 megolm_bench.c -lolm) and reads its RESULT lines.
 *
 * Usage: megolm_bench WARMUP ITERATIONS BATCH PLAINTEXT_BYTES
 *
 * The method is CryptoBench's: per iteration an untimed setup builds fresh sessions (and, for
 * decryption, BATCH messages), then BATCH operations are timed; WARMUP iterations are discarded.
 * Each timed batch's rate is printed ("BATCH <workload> <ops/s>"; CryptoBench reads these), then
 * the median ("RESULT <name> <ops/s> ops/s"), for running it by hand.
 *
 * Per operation this does what any C caller of libolm must do and nothing more:
 *   encrypt: olm_group_encrypt_message_length + olm_group_encrypt into a reused buffer;
 *   decrypt: libolm decodes the base64 message in place, and both olm_group_decrypt_max_plaintext_length
 *            and olm_group_decrypt do so, so the message is copied to a scratch buffer before each
 *            call, then decrypted into a reused plaintext buffer.
 */
#define _DEFAULT_SOURCE
#include <olm/olm.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

static void die(const char *what, const char *error) {
    fprintf(stderr, "megolm_bench: %s: %s\n", what, error);
    exit(1);
}

static void *xmalloc(size_t size) {
    void *p = malloc(size ? size : 1);
    if (p == NULL) {
        die("malloc", "out of memory");
    }
    return p;
}

/* CPU time of this thread: the machine may be shared, and time spent descheduled is not libolm's. */
static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void fill_random(uint8_t *buffer, size_t length) {
    size_t done = 0;
    while (done < length) {
        ssize_t n = getrandom(buffer + done, length - done, 0);
        if (n < 0) {
            die("getrandom", "failed");
        }
        done += (size_t)n;
    }
}

static OlmOutboundGroupSession *new_outbound(void) {
    OlmOutboundGroupSession *session = olm_outbound_group_session(xmalloc(olm_outbound_group_session_size()));
    size_t random_length = olm_init_outbound_group_session_random_length(session);
    uint8_t *random = xmalloc(random_length);
    fill_random(random, random_length);
    if (olm_init_outbound_group_session(session, random, random_length) == olm_error()) {
        die("olm_init_outbound_group_session", olm_outbound_group_session_last_error(session));
    }
    free(random);
    return session;
}

static void free_outbound(OlmOutboundGroupSession *session) {
    olm_clear_outbound_group_session(session);
    free(session);
}

static OlmInboundGroupSession *new_inbound(OlmOutboundGroupSession *outbound) {
    size_t key_length = olm_outbound_group_session_key_length(outbound);
    uint8_t *key = xmalloc(key_length);
    if (olm_outbound_group_session_key(outbound, key, key_length) == olm_error()) {
        die("olm_outbound_group_session_key", olm_outbound_group_session_last_error(outbound));
    }
    OlmInboundGroupSession *session = olm_inbound_group_session(xmalloc(olm_inbound_group_session_size()));
    if (olm_init_inbound_group_session(session, key, key_length) == olm_error()) {
        die("olm_init_inbound_group_session", olm_inbound_group_session_last_error(session));
    }
    free(key);
    return session;
}

static void free_inbound(OlmInboundGroupSession *session) {
    olm_clear_inbound_group_session(session);
    free(session);
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *values, int count) {
    qsort(values, (size_t)count, sizeof(double), compare_doubles);
    return count % 2 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2;
}

/* One timed batch of encryptions; returns operations per second. */
static double encrypt_batch(int batch, const uint8_t *plaintext, size_t plaintext_length) {
    OlmOutboundGroupSession *session = new_outbound();
    size_t message_length = olm_group_encrypt_message_length(session, plaintext_length);
    uint8_t *message = xmalloc(message_length);
    double start = now();
    for (int i = 0; i < batch; i++) {
        size_t length = olm_group_encrypt_message_length(session, plaintext_length);
        if (olm_group_encrypt(session, plaintext, plaintext_length, message, length) == olm_error()) {
            die("olm_group_encrypt", olm_outbound_group_session_last_error(session));
        }
    }
    double elapsed = now() - start;
    free(message);
    free_outbound(session);
    return batch / elapsed;
}

/* One timed batch of decryptions of fresh messages, in order; returns operations per second. */
static double decrypt_batch(int batch, const uint8_t *plaintext, size_t plaintext_length) {
    OlmOutboundGroupSession *outbound = new_outbound();
    OlmInboundGroupSession *inbound = new_inbound(outbound);
    uint8_t **messages = xmalloc(sizeof(uint8_t *) * (size_t)batch);
    size_t *lengths = xmalloc(sizeof(size_t) * (size_t)batch);
    size_t longest = 0;
    for (int i = 0; i < batch; i++) {
        lengths[i] = olm_group_encrypt_message_length(outbound, plaintext_length);
        messages[i] = xmalloc(lengths[i]);
        if (olm_group_encrypt(outbound, plaintext, plaintext_length, messages[i], lengths[i]) == olm_error()) {
            die("olm_group_encrypt", olm_outbound_group_session_last_error(outbound));
        }
        if (lengths[i] > longest) {
            longest = lengths[i];
        }
    }
    uint8_t *scratch = xmalloc(longest);
    uint8_t *output = xmalloc(longest); /* a plaintext is shorter than its base64 message */
    uint32_t index = 0;

    double start = now();
    for (int i = 0; i < batch; i++) {
        memcpy(scratch, messages[i], lengths[i]);
        size_t max = olm_group_decrypt_max_plaintext_length(inbound, scratch, lengths[i]);
        if (max == olm_error() || max > longest) {
            die("olm_group_decrypt_max_plaintext_length", olm_inbound_group_session_last_error(inbound));
        }
        memcpy(scratch, messages[i], lengths[i]);
        size_t written = olm_group_decrypt(inbound, scratch, lengths[i], output, max, &index);
        if (written != plaintext_length || index != (uint32_t)i) {
            die("olm_group_decrypt", olm_inbound_group_session_last_error(inbound));
        }
    }
    double elapsed = now() - start;

    if (memcmp(output, plaintext, plaintext_length) != 0) {
        die("olm_group_decrypt", "wrong plaintext");
    }
    for (int i = 0; i < batch; i++) {
        free(messages[i]);
    }
    free(messages);
    free(lengths);
    free(scratch);
    free(output);
    free_inbound(inbound);
    free_outbound(outbound);
    return batch / elapsed;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s WARMUP ITERATIONS BATCH PLAINTEXT_BYTES\n", argv[0]);
        return 2;
    }
    int warmup = atoi(argv[1]), iterations = atoi(argv[2]), batch = atoi(argv[3]);
    size_t plaintext_length = (size_t)atol(argv[4]);
    if (warmup < 0 || iterations < 1 || batch < 1) {
        fprintf(stderr, "megolm_bench: bad arguments\n");
        return 2;
    }
    uint8_t major = 0, minor = 0, patch = 0;
    olm_get_library_version(&major, &minor, &patch);
    printf("# libolm %u.%u.%u, called directly\n", major, minor, patch);
    uint8_t *plaintext = xmalloc(plaintext_length);
    memset(plaintext, 'x', plaintext_length);
    double *rates = xmalloc(sizeof(double) * (size_t)iterations);

    for (int i = 0; i < warmup + iterations; i++) {
        double rate = encrypt_batch(batch, plaintext, plaintext_length);
        if (i >= warmup) {
            rates[i - warmup] = rate;
            printf("BATCH megolm_encrypt_per_s %.1f\n", rate);
        }
    }
    printf("RESULT megolm_encrypt_per_s_libolm_c %.1f ops/s\n", median(rates, iterations));
    for (int i = 0; i < warmup + iterations; i++) {
        double rate = decrypt_batch(batch, plaintext, plaintext_length);
        if (i >= warmup) {
            rates[i - warmup] = rate;
            printf("BATCH megolm_decrypt_per_s %.1f\n", rate);
        }
    }
    printf("RESULT megolm_decrypt_per_s_libolm_c %.1f ops/s\n", median(rates, iterations));
    free(rates);
    free(plaintext);
    return 0;
}
