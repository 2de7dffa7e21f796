-- The daily reconciliation run: each check's figures per company and day. The dashboard raises
-- an alert from the latest run when a difference exceeds the threshold.
create table reconciliation_result (
    company_id   bigint         not null,
    checked_on   date           not null,
    check_name   varchar(40)    not null,
    expected     numeric(18, 2) not null,
    actual       numeric(18, 2) not null,
    difference   numeric(18, 2) not null,
    checked_at   timestamp with time zone not null,
    constraint pk_reconciliation_result primary key (company_id, checked_on, check_name)
);
