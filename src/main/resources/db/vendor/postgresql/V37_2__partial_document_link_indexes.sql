-- Most documents go to no second warehouse and follow no other document: index only those that do.
-- The full indexes took a null entry for every document on insert and again on every change of
-- status (not a HOT update: the status is indexed), work on each posting for lookups that never
-- ask for null. `to_warehouse_id = …`, `in (…)` and `source_document_id = …` imply not null and use
-- the partial indexes.
create index ix_document_to_warehouse_set on document (company_id, to_warehouse_id) where to_warehouse_id is not null;
drop index ix_document_to_warehouse;
create index ix_document_source_set on document (company_id, source_document_id) where source_document_id is not null;
drop index ix_document_source;
