package org.openjxc.finance.internal;

import org.openjxc.document.DocumentPoster;
import org.openjxc.document.DocumentType;
import org.openjxc.document.PostingDocument;
import org.openjxc.finance.Periods;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Refuses, before any other poster runs, to post or unpost a document dated in a closed month. */
@Component
@Order(-10)
class PeriodLock implements DocumentPoster {

    private final Periods periods;

    PeriodLock(Periods periods) {
        this.periods = periods;
    }

    @Override
    public void post(PostingDocument d) {
        check(d);
    }

    @Override
    public void unpost(PostingDocument d) {
        check(d);
    }

    private void check(PostingDocument d) {
        // Orders move neither stock nor money.
        if (d.type().direction() == DocumentType.Direction.ORDER) {
            return;
        }
        periods.requireOpen(d.companyId(), d.date(), d.number());
    }
}
