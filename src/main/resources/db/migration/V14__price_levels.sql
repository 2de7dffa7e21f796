-- Sale prices per customer price level (批发价, 会员价): a customer's level picks the price of a
-- sales line that names none; without a price for the level the item's sale price applies.
create table item_price (
    company_id   bigint         not null,
    item_id      bigint         not null,
    price_level  varchar(20)    not null,
    price        numeric(18, 6) not null,
    constraint pk_item_price primary key (company_id, item_id, price_level),
    constraint fk_item_price_item foreign key (company_id, item_id) references item (company_id, id)
        on delete cascade,
    constraint ck_item_price check (price >= 0)
);
