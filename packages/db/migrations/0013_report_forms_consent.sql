CREATE TABLE "incident_form_sends" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"form" text NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"recipient" text NOT NULL,
	"report_number" text,
	"sent_at" timestamp with time zone NOT NULL,
	"rows" jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	"sent_by" uuid,
	"sent_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "nco_consent" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "critical_infrastructure" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "ddos" jsonb;--> statement-breakpoint
ALTER TABLE "incident_form_sends" ADD CONSTRAINT "incident_form_sends_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_form_sends" ADD CONSTRAINT "incident_form_sends_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_form_sends" ADD CONSTRAINT "incident_form_sends_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "incident_form_sends_version_unique" ON "incident_form_sends" USING btree ("incident_id","form","version");