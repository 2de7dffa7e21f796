-- Which line of the source document a line follows (PO line → receipt line, delivery line →
-- return line), for open quantities; and orders that were closed with quantities still open.
alter table document_line add column source_line_no integer;
alter table document add column closed boolean not null default false;
create index ix_document_source on document (company_id, source_document_id);

-- Stock set aside for a sales order line, in base units: kept in the warehouse's totals
-- (stock_level.reserved) and per line here, so that deliveries and closing release exactly it.
-- open_qty is what the line still has to deliver; the reservation never exceeds it.
create table stock_reservation (
    company_id    bigint         not null,
    document_id   bigint         not null,
    line_no       integer        not null,
    item_id       bigint         not null,
    warehouse_id  bigint         not null,
    qty           numeric(18, 4) not null,
    open_qty      numeric(18, 4) not null,
    constraint pk_stock_reservation primary key (company_id, document_id, line_no),
    constraint ck_stock_reservation_qty check (qty >= 0 and qty <= open_qty)
);
create index ix_stock_reservation_item on stock_reservation (company_id, item_id, warehouse_id);
