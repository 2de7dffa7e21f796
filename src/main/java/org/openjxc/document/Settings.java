package org.openjxc.document;

import java.util.stream.Collectors;
import org.openjxc.audit.AuditLog;
import org.openjxc.document.internal.SettingsRows;
import org.openjxc.organization.CompanyCreated;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Versions;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Company settings: negative stock, post on approve, approval per type, segregation of duties. */
@Service
public class Settings {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Settings(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    void seed(CompanyCreated event) {
        ensure(event.companyId());
    }

    @Transactional
    public CompanySettings get(long companyId) {
        return read(companyId).orElseGet(() -> {
            ensure(companyId);
            return read(companyId).orElseThrow();
        });
    }

    private java.util.Optional<CompanySettings> read(long companyId) {
        return jdbc.sql(SettingsRows.SELECT)
                .param(companyId)
                .query((rs, n) -> SettingsRows.settings(rs))
                .optional();
    }

    @Transactional
    public CompanySettings update(Actor actor, CompanySettings settings) {
        CompanySettings before = get(actor.companyId());
        Versions.check("Settings", actor.companyId(), settings.version(), before.version());
        String approval = settings.requireApproval().entrySet().stream()
                .filter(e -> Boolean.TRUE.equals(e.getValue()))
                .map(e -> e.getKey().name())
                .sorted()
                .collect(Collectors.joining(","));
        Boolean revenueAtInvoice =
                settings.revenueAtInvoice() == null ? before.revenueAtInvoice() : settings.revenueAtInvoice();
        if (!revenueAtInvoice.equals(before.revenueAtInvoice())
                && jdbc.sql("select count(*) from document where company_id = ? and doc_type = 'SALES_DELIVERY'"
                                        + " and status = 'POSTED'")
                                .param(actor.companyId())
                                .query(Long.class)
                                .single()
                        > 0) {
            // The books of deliveries already posted follow the choice they were posted under.
            throw org.openjxc.shared.BusinessException.invalid("revenueAtInvoice", "error.settings.revenueModeLocked");
        }
        jdbc.sql("""
                        update company_setting set allow_negative_stock = ?, post_on_approve = ?,
                               reserve_on_sales_order = ?, require_approval = ?, segregation_of_duties = ?,
                               over_receipt_percent = ?, scan_to_deliver = ?, credit_control = ?, prices_include_tax = ?,
                               revenue_at_invoice = ?, version = version + 1
                        where company_id = ?""")
                .params(
                        settings.allowNegativeStock(),
                        settings.postOnApprove(),
                        settings.reserveOnSalesOrder(),
                        approval,
                        settings.segregationOfDuties(),
                        settings.overReceiptPercent() == null
                                ? before.overReceiptPercent()
                                : settings.overReceiptPercent(),
                        settings.scanToDeliver() == null ? before.scanToDeliver() : settings.scanToDeliver(),
                        (settings.creditControl() == null ? before.creditControl() : settings.creditControl()).name(),
                        settings.pricesIncludeTax() == null ? before.pricesIncludeTax() : settings.pricesIncludeTax(),
                        revenueAtInvoice,
                        actor.companyId())
                .update();
        CompanySettings after = get(actor.companyId());
        audit.record("UPDATE", "Settings", actor.companyId(), before, after);
        return after;
    }

    private void ensure(long companyId) {
        jdbc.sql("insert into company_setting (company_id) values (?) on conflict do nothing")
                .param(companyId)
                .update();
    }
}
