-- The ledger and the lines no longer check their document by foreign key. Under load every
-- posting's checks of the document row it had just locked and updated cost more than the rest of
-- the posting (measured: 477 → 667 lines/s, docs/BENCHMARKS.md). Both are written only by the
-- document engine, in the transaction that holds the document's lock; a draft is deleted with its
-- lines by the engine, and a document that ever reached the ledger is never deleted (cancelled
-- instead), which the engine checks before deleting.
alter table document_line drop constraint fk_document_line_document;
alter table stock_move drop constraint fk_stock_move_document;
