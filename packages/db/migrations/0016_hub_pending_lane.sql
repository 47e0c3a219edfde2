ALTER TABLE "hub_org_keys" ADD COLUMN "pending_reports" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "hub_org_keys" ADD COLUMN "pending_bytes" bigint DEFAULT 0 NOT NULL;