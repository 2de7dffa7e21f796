-- VAT per document line. price and amount are as entered: with tax when the company's prices
-- include it (the default, as Chinese users quote), without otherwise. net_amount is the line
-- without tax (what stock is valued at and revenue booked at), tax_amount the VAT on it.
alter table company_setting add column prices_include_tax boolean not null default true;
alter table document_line add column tax_rate numeric(5, 4) not null default 0;
alter table document_line add column tax_amount numeric(18, 2) not null default 0;
alter table document_line add column net_amount numeric(18, 2);
update document_line set net_amount = amount;
