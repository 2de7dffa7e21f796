-- Unposting finds a document's moves that no later move reverses; without this index that
-- question read the whole ledger.
create index ix_stock_move_reversal on stock_move (company_id, reversal_of);
