package dev.mxj.store.sqlite;

import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import dev.mxj.timeline.TimelineScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * sdk-core's timeline scenario on a SQLite store: what back-pagination fetched from Dendrite is
 * still there, once each and in order, after the file is closed and opened again.
 */
@ExtendWith(DendriteExtension.class)
class TimelineSqliteIT {
    @TempDir
    Path dir;

    @Test
    void backPaginatedEventsSurviveAReopen(Dendrite dendrite, TestUser alice) throws Exception {
        Path file = dir.resolve("timeline.db");
        TimelineScenario.Outcome outcome;
        try (SqliteStore store = SqliteStore.open(file)) {
            outcome = TimelineScenario.run(dendrite.baseUrl(), alice.userId(), alice.deviceId(), alice.accessToken(),
                    store);
        }
        try (SqliteStore reopened = SqliteStore.open(file)) {
            assertEquals(31, outcome.messages().size());
            assertEquals(outcome.messages(), TimelineScenario.storedMessages(reopened, outcome.room()));
            assertEquals(List.of(), reopened.gaps(outcome.room()));
        }
    }
}
