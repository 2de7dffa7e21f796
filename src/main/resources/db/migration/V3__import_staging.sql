-- Staging of imports: a file's rows land here (inside the import's transaction), are checked with
-- set-based SQL against each other and the master data, and are then inserted in one statement.
-- Rows live only as long as the import's transaction; an import_id keeps concurrent imports apart.

create table import_item_staging (
    import_id         varchar(36)    not null,
    row_no            integer        not null,
    code              varchar(40)    not null,
    name              varchar(200)   not null,
    search_initials   varchar(200),
    spec              varchar(200),
    category          varchar(40),
    unit              varchar(20)    not null,
    item_type         varchar(10)    not null,
    cost_method       varchar(20)    not null,
    batch_managed     boolean        not null,
    shelf_life_days   integer,
    safety_stock      numeric(18, 4),
    abc_class         varchar(1),
    default_supplier  varchar(40),
    purchase_price    numeric(18, 6),
    sale_price        numeric(18, 6),
    tax_rate          numeric(6, 4),
    weight            numeric(18, 4),
    volume            numeric(18, 4),
    active            boolean        not null,
    constraint pk_import_item_staging primary key (import_id, row_no)
);
create index ix_import_item_staging_code on import_item_staging (import_id, code);

create table import_item_unit_staging (
    import_id  varchar(36)    not null,
    row_no     integer        not null,
    unit       varchar(20)    not null,
    factor     numeric(18, 6) not null
);
create index ix_import_item_unit_staging on import_item_unit_staging (import_id, row_no);

create table import_item_barcode_staging (
    import_id  varchar(36) not null,
    row_no     integer     not null,
    barcode    varchar(64) not null
);
create index ix_import_item_barcode_staging on import_item_barcode_staging (import_id, barcode);
