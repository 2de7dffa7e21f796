-- A draft that has not been posted since it was created: nothing of it is in the ledger or the
-- books, so posting it need not look for what earlier postings left behind (their moves' value,
-- their vouchers). Only the document engine sets it, at the insert of a draft, and every posting
-- clears it for good; everything else, existing rows included, has false, the answer that makes
-- a posting look.
alter table document add column never_posted boolean default false not null;
