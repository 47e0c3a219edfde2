CREATE TABLE "incident_checklist_steps" (
	"organisation_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"done_by" uuid,
	"done_by_name" text NOT NULL,
	"done_at" timestamp with time zone NOT NULL,
	"note" text,
	CONSTRAINT "incident_checklist_steps_incident_id_step_id_pk" PRIMARY KEY("incident_id","step_id")
);
--> statement-breakpoint
CREATE TABLE "incident_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"note" text,
	"origin" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_members" (
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_members_organisation_id_user_id_pk" PRIMARY KEY("organisation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "incident_reports" (
	"organisation_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"obligation_id" text NOT NULL,
	"status" text NOT NULL,
	"done_at" timestamp with time zone,
	"recipient" text,
	"officer" text,
	"reference_number" text,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_reports_incident_id_obligation_id_pk" PRIMARY KEY("incident_id","obligation_id")
);
--> statement-breakpoint
CREATE TABLE "incident_terminals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"host" text NOT NULL,
	"user_name" text,
	"os" text,
	"role" text DEFAULT 'pc' NOT NULL,
	"encrypted" text DEFAULT 'unknown' NOT NULL,
	"symptoms" text,
	"isolated_at" timestamp with time zone,
	"power_state" text DEFAULT 'unknown' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_timeline" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"text" text NOT NULL,
	"is_action" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"symptoms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"discovered_at" timestamp with time zone,
	"discovered_by" text,
	"discovered_how" text,
	"learned_at" timestamp with time zone,
	"first_anomaly_at" timestamp with time zone,
	"summary" text,
	"business_impact" text,
	"personal_data" text DEFAULT 'unknown' NOT NULL,
	"request" text DEFAULT 'undecided' NOT NULL,
	"intrusion_method" text DEFAULT 'unknown' NOT NULL,
	"intrusion_detail" text,
	"wizard_step" text DEFAULT 'what' NOT NULL,
	"demand" jsonb,
	"family" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incident_checklist_steps" ADD CONSTRAINT "incident_checklist_steps_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_checklist_steps" ADD CONSTRAINT "incident_checklist_steps_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_checklist_steps" ADD CONSTRAINT "incident_checklist_steps_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_indicators" ADD CONSTRAINT "incident_indicators_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_indicators" ADD CONSTRAINT "incident_indicators_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_members" ADD CONSTRAINT "incident_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_members" ADD CONSTRAINT "incident_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_reports" ADD CONSTRAINT "incident_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_reports" ADD CONSTRAINT "incident_reports_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_terminals" ADD CONSTRAINT "incident_terminals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_terminals" ADD CONSTRAINT "incident_terminals_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_timeline" ADD CONSTRAINT "incident_timeline_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_timeline" ADD CONSTRAINT "incident_timeline_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_timeline" ADD CONSTRAINT "incident_timeline_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "incident_indicators_unique" ON "incident_indicators" USING btree ("incident_id","kind","value");--> statement-breakpoint
CREATE INDEX "incident_terminals_incident_idx" ON "incident_terminals" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "incident_timeline_incident_at_idx" ON "incident_timeline" USING btree ("incident_id","at");--> statement-breakpoint
CREATE INDEX "incidents_org_idx" ON "incidents" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_org_reference_unique" ON "incidents" USING btree ("organisation_id","reference");