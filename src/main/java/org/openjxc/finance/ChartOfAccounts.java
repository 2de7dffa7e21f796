package org.openjxc.finance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openjxc.audit.AuditLog;
import org.openjxc.document.DocumentType;
import org.openjxc.finance.internal.ChartRows;
import org.openjxc.organization.CompanyCreated;
import org.openjxc.shared.Actor;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.FieldViolation;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chart of accounts (seeded with the standard codes, editable) and the voucher rules: which
 * account each configurable role of a posting is booked to, per document type or for all.
 */
@Service
public class ChartOfAccounts {

    /** The key of a rule for every document type. */
    public static final String ALL_TYPES = "*";

    private final ChartRows rows;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    ChartOfAccounts(ChartRows rows, AuditLog audit, JdbcClient jdbc) {
        this.rows = rows;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @EventListener
    void seed(CompanyCreated event) {
        rows.seed(event.companyId());
    }

    /** Companies created before an account joined the standard chart get it on the next start. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    void seedExisting() {
        jdbc.sql("select id from company").query(Long.class).list().forEach(rows::seed);
    }

    @Transactional(readOnly = true)
    public List<AccountView> accounts(Actor actor) {
        return rows.accounts(actor.companyId());
    }

    @Transactional
    public AccountView save(Actor actor, AccountCommand c) {
        long company = actor.companyId();
        String code = c.code().trim();
        String name = c.name().trim();
        if (rows.exists(company, code)) {
            rows.rename(company, code, name);
            audit.record("UPDATE", "Account", code, null, Map.of("name", name));
        } else {
            if (code.length() > 4 && !rows.exists(company, code.substring(0, code.length() - 2))) {
                throw BusinessException.invalid("code", "error.account.parent", code.substring(0, code.length() - 2));
            }
            rows.insert(company, code, name);
            audit.record("CREATE", "Account", code, null, Map.of("name", name));
        }
        return rows.accounts(company).stream()
                .filter(a -> a.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    /** Every role for all types and for each type that has a rule of its own, with the account in effect. */
    @Transactional(readOnly = true)
    public List<VoucherRuleView> rules(Actor actor) {
        Map<String, String> rules = rows.rules(actor.companyId());
        Map<String, String> names = new java.util.HashMap<>();
        rows.accounts(actor.companyId()).forEach(a -> names.put(a.code(), a.name()));
        List<VoucherRuleView> result = new ArrayList<>();
        for (PostingRole role : PostingRole.values()) {
            String account = rules.getOrDefault(ALL_TYPES + "|" + role, role.defaultAccount());
            result.add(new VoucherRuleView(
                    ALL_TYPES, role, account, names.get(account), !rules.containsKey(ALL_TYPES + "|" + role)));
        }
        for (DocumentType type : DocumentType.values()) {
            for (PostingRole role : PostingRole.values()) {
                String account = rules.get(type.name() + "|" + role);
                if (account != null) {
                    result.add(new VoucherRuleView(type.name(), role, account, names.get(account), false));
                }
            }
        }
        return result;
    }

    @Transactional
    public List<VoucherRuleView> setRule(Actor actor, VoucherRuleCommand c) {
        long company = actor.companyId();
        String type = c.documentType() == null || c.documentType().isBlank()
                ? ALL_TYPES
                : c.documentType().trim();
        List<FieldViolation> v = new ArrayList<>();
        if (!type.equals(ALL_TYPES)
                && java.util.Arrays.stream(DocumentType.values())
                        .noneMatch(t -> t.name().equals(type))) {
            v.add(FieldViolation.of("documentType", "error.rule.documentType", type));
        }
        String account = c.account() == null || c.account().isBlank()
                ? null
                : c.account().trim();
        if (account != null && !rows.exists(company, account)) {
            v.add(FieldViolation.of("account", "error.rule.account", account));
        }
        if (!v.isEmpty()) {
            throw BusinessException.invalid(v);
        }
        rows.setRule(company, type, c.role().name(), account);
        audit.record(
                "UPDATE",
                "VoucherRule",
                type + "/" + c.role(),
                null,
                account == null ? Map.of() : Map.of("account", account));
        return rules(actor);
    }

    /** The account a posting of {@code type} books {@code role} to: its type's rule, the all-types rule, or the default. */
    public static String account(Map<String, String> rules, DocumentType type, PostingRole role) {
        String own = rules.get(type.name() + "|" + role);
        if (own != null) {
            return own;
        }
        return rules.getOrDefault(ALL_TYPES + "|" + role, role.defaultAccount());
    }
}
