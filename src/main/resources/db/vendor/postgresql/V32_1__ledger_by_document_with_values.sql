-- Reports sum a period's moves document by document (stock as of a date, the in/out summary). With
-- the values in the index those sums are index-only scans of the period's documents, whatever the
-- size of the rest of the ledger; the index also serves every lookup the narrower one served.
create index ix_stock_move_document_values on stock_move (company_id, document_id)
    include (item_id, warehouse_id, qty, move_value);
drop index ix_stock_move_document;
