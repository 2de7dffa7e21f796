-- Which account a posting books each configurable role to, per document type or for all types
-- ('*'); roles without a rule use the defaults (6001, 6401, 2221, 1901). Control accounts
-- (1405 inventory, 1122 receivables, 2202 payables) are fixed: the stock and partner ledgers
-- reconcile against them.
create table voucher_rule (
    company_id    bigint      not null,
    doc_type      varchar(30) not null,
    posting_role  varchar(20) not null,
    account_code  varchar(20) not null,
    constraint pk_voucher_rule primary key (company_id, doc_type, posting_role)
);
