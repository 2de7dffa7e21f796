package org.openjxc.finance.internal;

import org.openjxc.finance.Vouchers;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the reconciliation checks every night and keeps the figures the dashboard alerts from. */
@Component
class DailyReconciliation {

    private final Vouchers vouchers;

    DailyReconciliation(Vouchers vouchers) {
        this.vouchers = vouchers;
    }

    @Scheduled(cron = "${openjxc.reconciliation.cron:0 15 2 * * *}")
    void run() {
        vouchers.runReconciliation();
    }
}
