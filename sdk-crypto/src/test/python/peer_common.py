"""What the cross-check peers share: the JSON-lines loop, handles, base64 and the bench harness.

A peer is a long-lived process driven by a Java test (dev.mxj.crypto.olm.crosscheck.PythonPeer).
Protocol, one JSON object per line:

* On start the peer writes a greeting: {"ok": true, "impl": ..., "version": ...}, or, when its
  library cannot be imported, {"ok": false, "unavailable": "<why>"} and exits.
* Then it reads requests {"op": "<name>", ...arguments} from stdin and answers each with
  {"ok": true, ...results} or {"ok": false, "error": "<ExceptionType>: <message>"}.
* Library objects stay in the peer; requests and answers name them by handle ("h1", "h2", ...).
  Everything else is a base64 string, a number or a boolean.
* EOF on stdin ends the peer.

Binary values (plaintexts, private keys, seeds, pickle keys) travel as unpadded standard base64,
like every key and message in Matrix.

With the argument "bench" a peer instead runs the benchmark workloads of
dev.mxj.bench.crypto.CryptoBench and prints "BATCH <workload> <ops/s>" and
"RESULT <name> <value> <unit>" lines.
"""

import base64
import json
import statistics
import sys
import time


def b64(data):
    """Unpadded standard base64 of bytes."""
    return base64.b64encode(bytes(data)).decode("ascii").rstrip("=")


def unb64(text):
    """Bytes of unpadded (or padded) standard base64; rejects other alphabets."""
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)


class Handles:
    """Library objects by handle, so only strings cross the pipe."""

    def __init__(self):
        self._objects = {}
        self._next = 0

    def put(self, obj):
        self._next += 1
        handle = "h%d" % self._next
        self._objects[handle] = obj
        return handle

    def __getitem__(self, handle):
        return self._objects[handle]

    def __setitem__(self, handle, obj):
        self._objects[handle] = obj

    def drop(self, handle):
        self._objects.pop(handle, None)


def _write(message):
    sys.stdout.write(json.dumps(message, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def unavailable(why):
    """Tells the driver this peer's library is missing, and exits."""
    _write({"ok": False, "unavailable": why})
    sys.exit(3)


def serve(impl, version, ops):
    """Answers requests until stdin closes. ops maps an op name to a function(request) -> dict."""
    _write({"ok": True, "impl": impl, "version": version})
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            request = json.loads(line)
            op = ops[request.pop("op")]
            answer = dict(op(request) or {})
            answer["ok"] = True
        except Exception as e:  # every failure goes back to the driver, which decides
            answer = {"ok": False, "error": "%s: %s" % (type(e).__name__, e)}
        _write(answer)


# --- Benchmarks -----------------------------------------------------------------------------
# The same method as CryptoBench's Java side and bench/c/megolm_bench.c: per workload, an
# untimed setup builds fresh state, then one timed batch of `batch` operations runs; `warmup`
# such iterations are discarded and each of `iterations` more is reported (CryptoBench takes the
# fastest, since other load on a shared machine only ever slows a batch down). Time is the CPU
# time of this thread (time.thread_time), so time spent descheduled does not count.

PLAINTEXT = b"x" * 256
"""The plaintext every benchmark encrypts: 256 bytes, about one m.room.message event."""


def measure(batch, setup, run, warmup, iterations):
    """Rates (operations per second) of `iterations` timed batches of run(setup()) after `warmup`."""
    rates = []
    for i in range(warmup + iterations):
        state = setup()
        start = time.thread_time()
        run(state)
        elapsed = time.thread_time() - start
        if i >= warmup:
            rates.append(batch / elapsed)
    return rates


def bench_main(impl, workloads, argv):
    """Runs workloads {name: (batch, setup, run)}. Prints each timed batch's rate as
    BATCH <name> <ops/s> (what CryptoBench reads), then RESULT <name>_<impl> <fastest> ops/s and
    RESULT <name>_<impl>_median <median> ops/s."""
    warmup, iterations, only = 2, 7, None
    args = list(argv)
    while args:
        flag = args.pop(0)
        if flag == "--warmup":
            warmup = int(args.pop(0))
        elif flag == "--iterations":
            iterations = int(args.pop(0))
        elif flag == "--only":
            only = set(args.pop(0).split(","))
        else:
            raise SystemExit("unknown argument " + flag)
    for name, (batch, setup, run) in workloads.items():
        if only is not None and name not in only:
            continue
        rates = measure(batch, setup, run, warmup, iterations)
        for rate in rates:
            print("BATCH %s %.1f" % (name, rate))
        print("RESULT %s_%s %.1f ops/s" % (name, impl, max(rates)))
        print("RESULT %s_%s_median %.1f ops/s" % (name, impl, statistics.median(rates)), flush=True)
