-- When an order is expected: the supplier's promised delivery date, or the customer's wished date.
alter table document add column expected_date date;
