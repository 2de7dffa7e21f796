-- The audit trail cannot be edited or removed through any connection the application uses:
-- the database itself refuses, so neither a bug nor a forgotten admin page can rewrite history.
-- (On the embedded H2 database only the application's own code keeps it append-only.)
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end $$;

create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();
