// matrix-js-sdk (in-memory store) ingests the fixture server's initial /sync.
// Usage: node sync-ingest.mjs <baseUrl>. Prints RESULT lines for the harness to collect.
import * as sdk from "matrix-js-sdk";
import { logger } from "matrix-js-sdk/lib/logger.js";

logger.setLevel("error");
const baseUrl = process.argv[2];
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 20);

const client = sdk.createClient({
  baseUrl,
  accessToken: "bench-token",
  userId: "@bench:bench.local",
  deviceId: "BENCH",
  store: new sdk.MemoryStore(),
});

const start = process.hrtime.bigint();
client.on(sdk.ClientEvent.Sync, (state) => {
  if (state === "PREPARED" || state === "SYNCING") {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    clearInterval(sampler);
    const rooms = client.getRooms().length;
    console.log(`RESULT jssdk_ingest_ms ${ms.toFixed(1)} ms`);
    console.log(`RESULT jssdk_rooms ${rooms} rooms`);
    console.log(`RESULT jssdk_peak_rss_mib ${(peakRss / 1048576).toFixed(1)} MiB`);
    client.stopClient();
    process.exit(0);
  }
});
await client.startClient({ initialSyncLimit: 100, lazyLoadMembers: false });
