-- How much more than ordered a receipt may bring in, in percent of the order line (suppliers
-- round up to full cartons); 0 means exactly what was ordered at most.
alter table company_setting add column over_receipt_percent numeric(5, 2) not null default 0;
