package org.openjxc.document.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.openjxc.document.CompanySettings;
import org.openjxc.document.CreditControl;
import org.openjxc.document.DocumentType;
import org.openjxc.shared.Rounding;

/** How a company's settings row is read: by the settings service, and with a document locked to post. */
public final class SettingsRows {

    /** The settings row of a company (one parameter: the company id). */
    public static final String SELECT = """
            select allow_negative_stock, post_on_approve, reserve_on_sales_order, require_approval,
                   segregation_of_duties, version, over_receipt_percent, scan_to_deliver, credit_control,
                   prices_include_tax, revenue_at_invoice
            from company_setting where company_id = ?""";

    private SettingsRows() {}

    public static CompanySettings settings(ResultSet rs) throws SQLException {
        return new CompanySettings(
                rs.getBoolean(1),
                rs.getBoolean(2),
                rs.getBoolean(3),
                approvals(rs.getString(4)),
                rs.getBoolean(5),
                rs.getInt(6),
                Rounding.plain(rs.getBigDecimal(7)),
                rs.getBoolean(8),
                CreditControl.valueOf(rs.getString(9)),
                rs.getBoolean(10),
                rs.getBoolean(11));
    }

    private static Map<DocumentType, Boolean> approvals(String csv) {
        Map<DocumentType, Boolean> map = new EnumMap<>(DocumentType.class);
        for (DocumentType type : DocumentType.values()) {
            map.put(type, false);
        }
        Arrays.stream(csv.split(","))
                .filter(s -> !s.isBlank())
                .forEach(s -> map.put(DocumentType.valueOf(s.trim()), true));
        return map;
    }
}
