package dev.mxj.store;

import dev.mxj.StoreException;
import dev.mxj.id.EventId;

/** {@link MemoryStateStore} against the state store contract. It does not persist. */
class MemoryStateStoreTest extends StateStoreContract {
    @Override
    protected StateStore newStore() {
        return new MemoryStateStore();
    }

    @Override
    protected void rejectEvent(StateStore store, EventId eventId) {
        ((MemoryStateStore) store).beforeSave = event -> {
            if (event.raw().string("event_id").filter(eventId.value()::equals).isPresent()) {
                throw new StoreException("test: rejected " + eventId);
            }
        };
    }
}
