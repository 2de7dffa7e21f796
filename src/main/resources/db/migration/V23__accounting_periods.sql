-- Closed accounting months. A company's books are closed through the end of its latest closed
-- month: nothing dated on or before it can be posted or unposted. Each row keeps the figures the
-- month was closed with.
create table closed_period (
    company_id         bigint         not null,
    period_month       date           not null,
    closed_at          timestamp with time zone not null,
    closed_by          bigint         not null,
    stock_value        numeric(18, 2) not null,
    inventory_account  numeric(18, 2) not null,
    constraint pk_closed_period primary key (company_id, period_month)
);

-- Stock of every item and warehouse at the end of each closed month (by document date), so that
-- balances as of a later date start from here instead of summing the whole ledger.
create table stock_period_balance (
    company_id    bigint         not null,
    period_month  date           not null,
    item_id       bigint         not null,
    warehouse_id  bigint         not null,
    qty           numeric(18, 4) not null,
    stock_value   numeric(18, 2) not null,
    constraint pk_stock_period_balance primary key (company_id, period_month, item_id, warehouse_id)
);
create index ix_document_date on document (company_id, doc_date);
