-- Every committed write to a table of this schema notifies `wholesail_read_changed` with the
-- schema's name, so the gateway's page cache drops what it built from this data (see
-- docs/decisions/0009-gateway-page-cache.md). Statement level: one notification per statement,
-- merged into one per transaction by PostgreSQL. A table added later needs the same trigger
-- (a test in packages/platform checks every table has it).
CREATE OR REPLACE FUNCTION notify_read_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('wholesail_read_changed', TG_TABLE_SCHEMA);
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema()
    AND tablename NOT IN ('_prisma_migrations', 'OutboxEvent', 'EventCursor')
  LOOP
    EXECUTE format('CREATE TRIGGER read_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION notify_read_changed()', t);
  END LOOP;
END $$;
