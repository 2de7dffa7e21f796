-- Items whose receipts wait for inspection: received into the QC pool, not available until passed.
alter table item add column inspect_on_receipt boolean not null default false;
