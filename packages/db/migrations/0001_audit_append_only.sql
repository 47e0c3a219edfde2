-- The audit trail is append-only: reject UPDATE and DELETE at the database itself.
CREATE OR REPLACE FUNCTION sonae_reject_audit_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION sonae_reject_audit_change();
