package org.openjxc.finance.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjxc.finance.AccountView;
import org.openjxc.shared.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account and voucher_rule tables. */
@Repository
public class ChartRows {

    /**
     * The accounts every company starts with (小企业会计准则 codes, with the VAT sub-accounts
     * Chinese bookkeepers use); the company may add and rename.
     */
    static final String[][] STANDARD = {
        {"1001", "库存现金"},
        {"1002", "银行存款"},
        {"1122", "应收账款"},
        {"1123", "预付账款"},
        {"1221", "其他应收款"},
        {"1403", "原材料"},
        {"1405", "库存商品"},
        {"1901", "待处理财产损溢"},
        {"2202", "应付账款"},
        {"2203", "预收账款"},
        {"2221", "应交税费"},
        {"222101", "应交增值税"},
        {"22210101", "进项税额"},
        {"22210102", "销项税额"},
        {"4103", "本年利润"},
        {"5001", "生产成本"},
        {"5101", "制造费用"},
        {"5601", "销售费用"},
        {"5602", "管理费用"},
        {"6001", "主营业务收入"},
        {"6051", "其他业务收入"},
        {"6301", "营业外收入"},
        {"6401", "主营业务成本"},
        {"6402", "其他业务成本"},
        {"6711", "营业外支出"}
    };

    private final JdbcClient jdbc;
    private final Database database;

    ChartRows(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    public void seed(long companyId) {
        for (String[] a : STANDARD) {
            jdbc.sql("insert into account (company_id, code, name) values (?, ?, ?) on conflict do nothing")
                    .params(companyId, a[0], a[1])
                    .update();
        }
    }

    public List<AccountView> accounts(long companyId) {
        return jdbc.sql("""
                        select a.code, a.name,
                               exists (select 1 from voucher_line l where l.company_id = a.company_id
                                       and l.account_code = a.code)
                               or exists (select 1 from voucher_rule r where r.company_id = a.company_id
                                          and r.account_code = a.code) as used
                        from account a where a.company_id = ? order by a.code""")
                .param(companyId)
                .query((rs, n) -> new AccountView(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list();
    }

    public boolean exists(long companyId, String code) {
        return jdbc.sql("select count(*) from account where company_id = ? and code = ?")
                        .params(companyId, code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void insert(long companyId, String code, String name) {
        jdbc.sql("insert into account (company_id, code, name) values (?, ?, ?)")
                .params(companyId, code, name)
                .update();
    }

    public void rename(long companyId, String code, String name) {
        jdbc.sql("update account set name = ? where company_id = ? and code = ?")
                .params(name, companyId, code)
                .update();
    }

    /**
     * A company's voucher rules (keyed {@code type|role}) and their fingerprint, as the database
     * spells it ({@link #FINGERPRINT}); null where the rules are not remembered (H2).
     */
    public record Rules(Map<String, String> accounts, String fingerprint) {}

    /** What a company's voucher rules are, as one string (one parameter: the company). */
    public static final String FINGERPRINT = """
            select coalesce(string_agg(doc_type || '|' || posting_role || '|' || account_code, ';'
                                       order by doc_type, posting_role), '')
            from voucher_rule where company_id = ?""";

    /** Rules as last read here, by company: every posting books under them unless their fingerprint changed. */
    private final Map<Long, Rules> remembered = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The rules as this server last read them — another server may have changed them since, so what
     * is written under them checks their {@code fingerprint} in the same statement. On H2: read now.
     */
    public Rules rememberedRules(long companyId) {
        Rules known = remembered.get(companyId);
        return known != null ? known : rulesNow(companyId);
    }

    /** The rules in force now, remembered for the postings that follow (on PostgreSQL). */
    public Rules rulesNow(long companyId) {
        if (!database.postgres()) {
            return new Rules(rules(companyId), null);
        }
        // Rules and fingerprint from one statement, one snapshot: they cannot disagree.
        Map<String, String> accounts = new HashMap<>();
        String[] fingerprint = {""};
        jdbc.sql("select doc_type, posting_role, account_code, (" + FINGERPRINT + ")"
                        + " from voucher_rule where company_id = ?")
                .params(companyId, companyId)
                .query(rs -> {
                    accounts.put(rs.getString(1) + "|" + rs.getString(2), rs.getString(3));
                    fingerprint[0] = rs.getString(4);
                });
        Rules now = new Rules(accounts, fingerprint[0]);
        remembered.put(companyId, now);
        return now;
    }

    /** The company's rules, keyed "TYPE|ROLE" ("*|ROLE" for all types). */
    public Map<String, String> rules(long companyId) {
        Map<String, String> rules = new HashMap<>();
        jdbc.sql("select doc_type, posting_role, account_code from voucher_rule where company_id = ?")
                .param(companyId)
                .query((rs, n) -> rules.put(rs.getString(1) + "|" + rs.getString(2), rs.getString(3)))
                .list();
        return rules;
    }

    public void setRule(long companyId, String type, String role, String account) {
        remembered.remove(companyId);
        jdbc.sql("delete from voucher_rule where company_id = ? and doc_type = ? and posting_role = ?")
                .params(companyId, type, role)
                .update();
        if (account != null) {
            jdbc.sql("insert into voucher_rule (company_id, doc_type, posting_role, account_code) values (?, ?, ?, ?)")
                    .params(companyId, type, role, account)
                    .update();
        }
    }
}
