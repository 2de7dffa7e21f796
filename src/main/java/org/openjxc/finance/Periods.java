package org.openjxc.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.openjxc.audit.AuditLog;
import org.openjxc.finance.internal.PeriodRows;
import org.openjxc.inventory.Stock;
import org.openjxc.shared.Actor;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.openjxc.shared.Rounding;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounting periods (结账). Months are closed in order; closing a month closes the books through
 * its end, so nothing dated in it can be posted or unposted any more ({@code PERIOD_CLOSED}).
 * Closing refuses while documents of the month are still unfinished, keeps the month-end stock
 * of every item and warehouse, and records stock value against the inventory account. Only the
 * latest closed month can be reopened (反结账).
 */
@Service
public class Periods {

    private static final String ENTITY = "Period";

    private final PeriodRows rows;
    private final Stock stock;
    private final AuditLog audit;

    Periods(PeriodRows rows, Stock stock, AuditLog audit) {
        this.rows = rows;
        this.stock = stock;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public PeriodStatus status(Actor actor) {
        actor.scope().requireWholeCompany();
        var latest = rows.latest(actor.companyId());
        YearMonth next = latest.map(m -> m.plusMonths(1)).orElse(YearMonth.now().minusMonths(1));
        return new PeriodStatus(latest.map(YearMonth::atEndOfMonth).orElse(null), next, rows.list(actor.companyId()));
    }

    /** The last day of the closed books, or null: nothing dated on or before it may post or unpost. */
    @Transactional(readOnly = true)
    public LocalDate closedThrough(long companyId) {
        return rows.latest(companyId).map(YearMonth::atEndOfMonth).orElse(null);
    }

    /**
     * Refuses (409 {@code PERIOD_CLOSED}) to book anything dated {@code date} into closed books;
     * {@code number} names what was to be booked.
     */
    @Transactional(readOnly = true)
    public void requireOpen(long companyId, LocalDate date, String number) {
        // Only a month that has ended can be closed, so a date in the month after the one just
        // ended is open without asking (most postings are dated today). "Ended" is judged a day
        // ahead, so a server whose clock lags another's by less than that does not let a posting
        // into a month the other just closed at midnight.
        if (!date.isBefore(LocalDate.now().plusDays(1).withDayOfMonth(1))) {
            return;
        }
        LocalDate through = closedThrough(companyId);
        if (through != null && !date.isAfter(through)) {
            throw new BusinessException(ErrorCode.PERIOD_CLOSED, "error.period.closed", number, date, through)
                    .withFact("date", date.toString())
                    .withFact("closedThrough", through.toString());
        }
    }

    @Transactional
    public PeriodView close(Actor actor, YearMonth month) {
        actor.scope().requireWholeCompany();
        long company = actor.companyId();
        rows.lockCompany(company);
        var latest = rows.latest(company);
        if (latest.isPresent() && !month.isAfter(latest.get())) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.period.alreadyClosed", month.toString())
                    .withFact("month", month.toString());
        }
        if (!month.atEndOfMonth().isBefore(LocalDate.now())) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.period.notEnded", month.toString())
                    .withFact("month", month.toString());
        }
        if (latest.isPresent() && !month.equals(latest.get().plusMonths(1))) {
            String next = latest.get().plusMonths(1).toString();
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.period.order", month.toString(), next)
                    .withFact("month", month.toString())
                    .withFact("next", next);
        }
        List<String> unfinished = rows.unfinished(company, month.atEndOfMonth());
        if (!unfinished.isEmpty()) {
            throw new BusinessException(
                            ErrorCode.INVALID_STATE,
                            "error.period.unfinished",
                            month.toString(),
                            unfinished.size(),
                            String.join(", ", unfinished.subList(0, Math.min(5, unfinished.size()))))
                    .withFact("month", month.toString())
                    .withFact("documents", unfinished);
        }
        BigDecimal stockValue = Rounding.amount(stock.snapshotMonth(company, month, latest.orElse(null)));
        BigDecimal inventory =
                Rounding.amount(rows.balanceThrough(company, Account.INVENTORY.code(), month.atEndOfMonth()));
        rows.insert(company, month, actor.userId(), stockValue, inventory);
        PeriodView closed = rows.list(company).get(0);
        audit.record(
                "CLOSE_PERIOD",
                ENTITY,
                month.toString(),
                null,
                Map.of("stockValue", stockValue, "inventoryAccount", inventory));
        return closed;
    }

    @Transactional
    public void reopen(Actor actor, YearMonth month) {
        actor.scope().requireWholeCompany();
        long company = actor.companyId();
        rows.lockCompany(company);
        var latest = rows.latest(company);
        if (latest.isEmpty() || !latest.get().equals(month)) {
            throw new BusinessException(
                            ErrorCode.INVALID_STATE,
                            "error.period.notLatest",
                            month.toString(),
                            latest.map(YearMonth::toString).orElse("—"))
                    .withFact("month", month.toString());
        }
        rows.delete(company, month);
        stock.dropMonthSnapshot(company, month);
        audit.record("REOPEN_PERIOD", ENTITY, month.toString(), Map.of("closedThrough", month.atEndOfMonth()), null);
    }
}
