-- Posting reads only the layers still holding stock; once consumed, a layer is history.
create index ix_cost_layer_open on cost_layer (company_id, item_id, warehouse_id, id) where qty_remaining > 0;
