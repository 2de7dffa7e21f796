-- Photos taken during a count are kept with it. (This change first went into V21 after V21 had
-- been released; released migrations stay as they were, so it lives here.)
alter table attachment drop constraint if exists ck_attachment_owner;
alter table attachment add constraint ck_attachment_owner check (owner_type in ('ITEM_PICTURE', 'DOCUMENT', 'STOCK_COUNT'));
