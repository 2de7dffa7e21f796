-- Customer invoices (开票). A company recognises receivables and revenue at delivery (the default)
-- or, with this setting, at the customer invoice; it is chosen before the first delivery.
alter table company_setting add column revenue_at_invoice boolean not null default false;

-- With revenue at invoice, the part of a sales return's line that takes back goods already invoiced
-- (beyond what of its delivery line was still uninvoiced): the receivable and revenue that its
-- voucher reversed, kept for reconciliation; removed when the return is unposted.
create table sales_return_reversal (
    company_id   bigint         not null,
    document_id  bigint         not null,
    line_no      integer        not null,
    qty          numeric(18, 4) not null,
    net_amount   numeric(18, 2) not null,
    tax_amount   numeric(18, 2) not null,
    constraint pk_sales_return_reversal primary key (company_id, document_id, line_no)
);
