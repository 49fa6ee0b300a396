package dev.mxj.timeline;

import dev.mxj.store.MemoryStateStore;
import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link TimelineScenario} against Dendrite on the in-memory store (sdk-store runs it on SQLite). */
@ExtendWith(DendriteExtension.class)
class TimelineIT {
    @Test
    void limitedSyncBackPaginationToTheStartAndLiveDiffs(Dendrite dendrite, TestUser alice) throws Exception {
        MemoryStateStore store = new MemoryStateStore();
        TimelineScenario.Outcome outcome = TimelineScenario.run(dendrite.baseUrl(), alice.userId(),
                alice.deviceId(), alice.accessToken(), store);
        assertEquals(31, outcome.messages().size());
        assertEquals(outcome.messages(), TimelineScenario.storedMessages(store, outcome.room()));
    }
}
