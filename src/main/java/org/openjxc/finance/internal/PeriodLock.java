package org.openjxc.finance.internal;

import java.time.LocalDate;
import org.openjxc.document.DocumentPoster;
import org.openjxc.document.DocumentType;
import org.openjxc.document.PostingDocument;
import org.openjxc.finance.Periods;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
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
        LocalDate through = periods.closedThrough(d.companyId());
        if (through != null && !d.date().isAfter(through)) {
            throw new BusinessException(ErrorCode.PERIOD_CLOSED, "error.period.closed", d.number(), d.date(), through)
                    .withFact("date", d.date().toString())
                    .withFact("closedThrough", through.toString());
        }
    }
}
