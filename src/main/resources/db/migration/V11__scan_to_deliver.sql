-- Scan-to-deliver: with it on, a sales delivery posts only after every line was confirmed by
-- scanning the item (and its bin, when the line names one), so the wrong goods do not leave.
alter table company_setting add column scan_to_deliver boolean not null default false;

create table document_scan (
    company_id   bigint         not null,
    document_id  bigint         not null,
    line_no      integer        not null,
    scanned_qty  numeric(18, 4) not null,
    constraint pk_document_scan primary key (company_id, document_id, line_no)
);
