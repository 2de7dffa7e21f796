-- FIFO by document date: a layer carries the date of the document that opened it, and stock goes
-- out of the layers of the earliest date first (a back-dated receipt is older than later ones).
alter table cost_layer add column received_on date;
update cost_layer set received_on = coalesce((select d.doc_date from document d
                                              where d.company_id = cost_layer.company_id
                                                and d.id = cost_layer.document_id),
                                             cast(received_at as date));
alter table cost_layer alter column received_on set not null;
