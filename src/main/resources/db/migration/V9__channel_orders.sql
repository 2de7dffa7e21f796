-- Sales orders that came from a shop or a till: the same external order is imported once.
create table channel_order (
    company_id   bigint       not null,
    channel      varchar(30)  not null,
    external_id  varchar(80)  not null,
    document_id  bigint       not null,
    imported_at  timestamp with time zone not null default current_timestamp,
    constraint pk_channel_order primary key (company_id, channel, external_id)
);

-- A shop's own SKU codes mapped to ours.
create table sku_mapping (
    company_id    bigint       not null,
    channel       varchar(30)  not null,
    external_sku  varchar(80)  not null,
    item_id       bigint       not null,
    constraint pk_sku_mapping primary key (company_id, channel, external_sku),
    constraint fk_sku_mapping_item foreign key (company_id, item_id) references item (company_id, id)
);
