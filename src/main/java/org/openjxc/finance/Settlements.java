package org.openjxc.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjxc.audit.AuditLog;
import org.openjxc.finance.internal.SettlementRows;
import org.openjxc.finance.internal.VoucherRows;
import org.openjxc.finance.internal.VoucherRows.NewLine;
import org.openjxc.partner.PartnerType;
import org.openjxc.partner.PartnerView;
import org.openjxc.partner.Partners;
import org.openjxc.shared.Actor;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.openjxc.shared.FieldViolation;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receipts from customers and payments to suppliers (收款单 / 付款单). Each is posted as it is
 * entered: allocated (核销) to the partner's open documents oldest first, the rest kept as an
 * advance, with its voucher (Dr bank or cash / Cr 1122, or Dr 2202 / Cr bank or cash) in the
 * same transaction. Cancelling takes the allocations back and mirrors the voucher. Open items,
 * ageing by overdue days, and what settled a document.
 */
@Service
public class Settlements {

    private static final String ENTITY = "Settlement";

    private final SettlementRows rows;
    private final VoucherRows vouchers;
    private final Partners partners;
    private final Periods periods;
    private final AuditLog audit;

    Settlements(SettlementRows rows, VoucherRows vouchers, Partners partners, Periods periods, AuditLog audit) {
        this.rows = rows;
        this.vouchers = vouchers;
        this.partners = partners;
        this.periods = periods;
        this.audit = audit;
    }

    @Transactional
    public SettlementView create(Actor actor, SettlementCommand c) {
        actor.scope().requireWholeCompany();
        long company = actor.companyId();
        List<FieldViolation> v = new ArrayList<>();
        PartnerView partner = partners.find(company, c.partner().trim()).orElse(null);
        if (partner == null) {
            v.add(FieldViolation.of("partner", "error.reference.unknown", "Partner", c.partner()));
        } else if (partner.type() != PartnerType.BOTH
                && partner.type()
                        != (c.kind() == SettlementKind.RECEIPT ? PartnerType.CUSTOMER : PartnerType.SUPPLIER)) {
            v.add(FieldViolation.of("partner", "error.settlement.partnerRole", partner.code(), c.kind()));
        }
        String account = c.account() == null || c.account().isBlank()
                ? Account.BANK.code()
                : c.account().trim();
        if (!account.equals(Account.BANK.code()) && !account.equals(Account.CASH.code())) {
            v.add(FieldViolation.of("account", "error.settlement.account", account));
        }
        if (!v.isEmpty()) {
            throw BusinessException.invalid(v);
        }
        LocalDate date = c.date() == null ? LocalDate.now() : c.date();
        periods.requireOpen(company, date, "");
        rows.lockPartner(company, partner.id());
        String number = rows.nextNumber(company, c.kind(), date);
        long id = rows.insert(
                company,
                number,
                c.kind(),
                partner.id(),
                date,
                c.amount(),
                account,
                Text.trimToNull(c.remark()),
                actor.userId());
        // Oldest first: a customer pays what has been owed longest.
        Map<Long, BigDecimal> allocations = new LinkedHashMap<>();
        BigDecimal left = c.amount();
        for (var open : rows.openItems(company, partner.id(), c.kind())) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal x = open.item().open().min(left);
            allocations.put(open.item().document(), x);
            left = left.subtract(x);
        }
        rows.insertAllocations(company, id, allocations);
        Account settles = c.kind().settles();
        List<NewLine> lines = c.kind() == SettlementKind.RECEIPT
                ? List.of(
                        new NewLine(account, c.amount(), BigDecimal.ZERO, null),
                        new NewLine(settles.code(), BigDecimal.ZERO, c.amount(), partner.id()))
                : List.of(
                        new NewLine(settles.code(), c.amount(), BigDecimal.ZERO, partner.id()),
                        new NewLine(account, BigDecimal.ZERO, c.amount(), null));
        vouchers.insertForSettlement(company, id, date, null, lines);
        SettlementView created = get(actor, number);
        audit.record("CREATE", ENTITY, number, null, created);
        return created;
    }

    @Transactional
    public SettlementView cancel(Actor actor, String number) {
        actor.scope().requireWholeCompany();
        long company = actor.companyId();
        var header = rows.header(company, number).orElseThrow(() -> BusinessException.notFound(ENTITY, number));
        if (header.cancelled()) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.settlement.cancelled", number);
        }
        periods.requireOpen(company, header.date(), number);
        rows.lockPartner(company, header.partnerId());
        SettlementView before = get(actor, number);
        rows.cancel(company, header.id());
        vouchers.standingOfSettlement(company, header.id())
                .ifPresent(voucher -> vouchers.insertForSettlement(
                        company,
                        header.id(),
                        header.date(),
                        voucher,
                        vouchers.lines(company, voucher).stream()
                                .map(l -> new NewLine(l.account(), l.credit(), l.debit(), l.partnerId()))
                                .toList()));
        SettlementView after = get(actor, number);
        audit.record("CANCEL", ENTITY, number, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public SettlementView get(Actor actor, String number) {
        actor.scope().requireWholeCompany();
        return rows.find(actor.companyId(), number).orElseThrow(() -> BusinessException.notFound(ENTITY, number));
    }

    @Transactional(readOnly = true)
    public List<VoucherView> vouchersOf(Actor actor, String number) {
        return vouchers.ofSettlement(actor.companyId(), get(actor, number).id());
    }

    @Transactional(readOnly = true)
    public PageResult<SettlementView> list(
            Actor actor, SettlementKind kind, String partner, LocalDate from, LocalDate to, PageQuery page) {
        actor.scope().requireWholeCompany();
        return rows.list(actor.companyId(), kind, partner, from, to, page);
    }

    /** A partner's open documents of a kind (receivable from a customer, payable to a supplier), oldest first. */
    @Transactional(readOnly = true)
    public List<OpenItem> openItems(Actor actor, String partnerCode, SettlementKind kind) {
        actor.scope().requireWholeCompany();
        PartnerView partner = partners.get(actor, partnerCode);
        return rows.openItems(actor.companyId(), partner.id(), kind).stream()
                .map(SettlementRows.PartnerItem::item)
                .toList();
    }

    /**
     * The partner's statement over [{@code from}, {@code to}] (this month so far by default): of
     * receivables for a customer, of payables for a supplier ({@code kind} decides for a partner
     * that is both).
     */
    @Transactional(readOnly = true)
    public PartnerStatement statement(
            Actor actor, String partnerCode, SettlementKind kind, LocalDate from, LocalDate to) {
        actor.scope().requireWholeCompany();
        PartnerView partner = partners.get(actor, partnerCode);
        SettlementKind k = kind != null
                ? kind
                : partner.type() == PartnerType.SUPPLIER ? SettlementKind.PAYMENT : SettlementKind.RECEIPT;
        LocalDate end = to == null ? LocalDate.now() : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        boolean debitSide = k == SettlementKind.RECEIPT;
        String account = k.settles().code();
        BigDecimal balance = vouchers.balanceBefore(actor.companyId(), partner.id(), account, debitSide, start);
        BigDecimal opening = balance;
        List<PartnerStatement.Line> lines = new ArrayList<>();
        for (Object[] r : vouchers.statementLines(actor.companyId(), partner.id(), account, debitSide, start, end)) {
            BigDecimal up = (BigDecimal) r[3];
            BigDecimal down = (BigDecimal) r[4];
            balance = balance.add(up).subtract(down);
            lines.add(new PartnerStatement.Line((LocalDate) r[0], (String) r[1], (String) r[2], up, down, balance));
        }
        return new PartnerStatement(partner.code(), partner.name(), k, start, end, opening, lines, balance);
    }

    /** Receivables ({@code RECEIPT}) or payables ({@code PAYMENT}) per partner by overdue days as of {@code date}. */
    @Transactional(readOnly = true)
    public List<AgeingRow> ageing(Actor actor, SettlementKind kind, LocalDate date) {
        actor.scope().requireWholeCompany();
        LocalDate asOf = date == null ? LocalDate.now() : date;
        Map<String, BigDecimal[]> byPartner = new java.util.TreeMap<>();
        Map<String, String> names = new java.util.HashMap<>();
        for (var open : rows.openItems(actor.companyId(), null, kind)) {
            BigDecimal[] b = byPartner.computeIfAbsent(open.partner(), k -> zeros());
            names.put(open.partner(), open.partnerName());
            long overdue = ChronoUnit.DAYS.between(open.item().dueDate(), asOf);
            int bucket = overdue <= 0 ? 0 : overdue <= 30 ? 1 : overdue <= 60 ? 2 : overdue <= 90 ? 3 : 4;
            b[bucket] = b[bucket].add(open.item().open());
        }
        Map<String, BigDecimal> advances = rows.advances(actor.companyId(), kind);
        List<AgeingRow> result = new ArrayList<>();
        java.util.Set<String> codes = new java.util.TreeSet<>(byPartner.keySet());
        codes.addAll(advances.keySet());
        for (String code : codes) {
            BigDecimal[] b = byPartner.getOrDefault(code, zeros());
            BigDecimal total = b[0].add(b[1]).add(b[2]).add(b[3]).add(b[4]);
            BigDecimal advance = advances.getOrDefault(code, BigDecimal.ZERO);
            String name = names.computeIfAbsent(
                    code,
                    c -> partners.find(actor.companyId(), c)
                            .map(PartnerView::name)
                            .orElse(c));
            result.add(
                    new AgeingRow(code, name, b[0], b[1], b[2], b[3], b[4], total, advance, total.subtract(advance)));
        }
        return result;
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }
}
