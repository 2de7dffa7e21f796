-- Master data permissions per kind and action (items, partners, warehouses × view, create,
-- edit, delete, export, import) replace the coarse ones. Every role keeps what it could do.
create table permission_rename (old_code varchar(64) not null, new_code varchar(64) not null);
insert into permission_rename (old_code, new_code) values
    ('VIEW_MASTER_DATA', 'VIEW_ITEM'), ('VIEW_MASTER_DATA', 'VIEW_PARTNER'), ('VIEW_MASTER_DATA', 'VIEW_WAREHOUSE'),
    ('MANAGE_ITEMS', 'CREATE_ITEM'), ('MANAGE_ITEMS', 'EDIT_ITEM'), ('MANAGE_ITEMS', 'DELETE_ITEM'),
    ('MANAGE_PARTNERS', 'CREATE_PARTNER'), ('MANAGE_PARTNERS', 'EDIT_PARTNER'), ('MANAGE_PARTNERS', 'DELETE_PARTNER'),
    ('MANAGE_ORGANIZATION', 'CREATE_WAREHOUSE'), ('MANAGE_ORGANIZATION', 'EDIT_WAREHOUSE'),
    ('MANAGE_ORGANIZATION', 'DELETE_WAREHOUSE'),
    ('IMPORT_MASTER_DATA', 'IMPORT_ITEM'), ('IMPORT_MASTER_DATA', 'IMPORT_PARTNER'),
    ('IMPORT_MASTER_DATA', 'IMPORT_WAREHOUSE'),
    ('EXPORT_MASTER_DATA', 'EXPORT_ITEM'), ('EXPORT_MASTER_DATA', 'EXPORT_PARTNER'),
    ('EXPORT_MASTER_DATA', 'EXPORT_WAREHOUSE');

insert into role_permission (company_id, role_id, permission)
select distinct rp.company_id, rp.role_id, r.new_code
from role_permission rp join permission_rename r on r.old_code = rp.permission
where not exists (select 1 from role_permission x
                  where x.company_id = rp.company_id and x.role_id = rp.role_id and x.permission = r.new_code);

delete from role_permission where permission in (select old_code from permission_rename);
drop table permission_rename;
