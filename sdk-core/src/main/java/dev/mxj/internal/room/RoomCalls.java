package dev.mxj.internal.room;

import dev.mxj.account.Account;
import dev.mxj.internal.ClientContext;

/** The HTTP side of the room facet, one object per concern. */
record RoomCalls(MembershipCalls membership, StateCalls state, DirectoryCalls directory, ReceiptCalls receipts,
                 CreateCalls create) {

    static RoomCalls of(ClientContext context, Account account) {
        MembershipCalls membership = new MembershipCalls(context);
        StateCalls state = new StateCalls(context);
        return new RoomCalls(membership, state, new DirectoryCalls(context), new ReceiptCalls(context),
                new CreateCalls(context, account, state, membership));
    }
}
