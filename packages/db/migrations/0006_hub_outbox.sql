CREATE TABLE "hub_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"hub_url" text NOT NULL,
	"reference" text NOT NULL,
	"submission_id" text NOT NULL,
	"incident_id" uuid,
	"title" text NOT NULL,
	"submitted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hub_outbox" ADD CONSTRAINT "hub_outbox_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_outbox" ADD CONSTRAINT "hub_outbox_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hub_outbox_org_idx" ON "hub_outbox" USING btree ("organisation_id","created_at");