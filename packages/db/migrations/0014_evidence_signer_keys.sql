CREATE TABLE "evidence_signer_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"fingerprint" text NOT NULL,
	"public_key_pem" text NOT NULL,
	"label" text NOT NULL,
	"kit_id" text,
	"incident_id" uuid,
	"platform" text,
	"issued_to" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evidence_signer_keys" ADD CONSTRAINT "evidence_signer_keys_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_signer_keys" ADD CONSTRAINT "evidence_signer_keys_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_signer_keys" ADD CONSTRAINT "evidence_signer_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_signer_keys_org_fingerprint_unique" ON "evidence_signer_keys" USING btree ("organisation_id","fingerprint");