-- Server custody entries are never edited: reject UPDATE at the database itself. (DELETE stays
-- possible so that deleting an incident cascades; a removed middle entry breaks the hash chain.)
CREATE OR REPLACE FUNCTION sonae_reject_custody_update() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'evidence_custody entries cannot be changed';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER evidence_custody_no_update
  BEFORE UPDATE ON evidence_custody
  FOR EACH ROW EXECUTE FUNCTION sonae_reject_custody_update();
