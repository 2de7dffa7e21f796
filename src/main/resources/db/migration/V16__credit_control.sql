-- What happens when a customer's sales order or delivery would take them over their credit limit:
-- OFF (nothing), WARN (posted and recorded), BLOCK (refused).
alter table company_setting add column credit_control varchar(5) not null default 'OFF';
