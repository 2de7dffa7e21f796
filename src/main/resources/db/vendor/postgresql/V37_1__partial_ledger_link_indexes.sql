-- Corrections and reversals are few among the moves: index only them. The full indexes held a null
-- entry for every move (work on every posting), and the one on `corrects` matched `corrects is
-- null`: with statistics not yet gathered PostgreSQL chose it to sum one document's moves and read
-- every move of the company instead (the voucher of each posting got slower as the ledger grew).
-- Lookups by `corrects = …` or `reversal_of = …` imply not null and use the partial indexes.
create index ix_stock_move_corrections on stock_move (company_id, corrects) where corrects is not null;
drop index ix_stock_move_corrects;
create index ix_stock_move_reversals on stock_move (company_id, reversal_of) where reversal_of is not null;
drop index ix_stock_move_reversal;
