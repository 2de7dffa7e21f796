package org.openjxc.finance;

/** Accounts the default voucher rules use (小企业会计准则). */
public enum Account {
    CASH("1001", "库存现金"),
    BANK("1002", "银行存款"),
    RECEIVABLE("1122", "应收账款"),
    INVENTORY("1405", "库存商品"),
    PENDING_LOSS("1901", "待处理财产损溢"),
    PAYABLE("2202", "应付账款"),
    TAXES("2221", "应交税费"),
    WORK_IN_PROGRESS("5001", "生产成本"),
    MANUFACTURING_OVERHEAD("5101", "制造费用"),
    REVENUE("6001", "主营业务收入"),
    COST_OF_SALES("6401", "主营业务成本");

    private final String code;
    private final String title;

    Account(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }
}
