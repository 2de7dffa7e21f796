-- The basis a landed cost (LANDED_COST) is allocated by: AMOUNT, QTY or WEIGHT.
alter table document add column allocation_basis varchar(10);
