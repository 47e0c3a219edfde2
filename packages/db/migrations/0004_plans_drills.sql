CREATE TABLE "business_functions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"priority" integer NOT NULL,
	"rto_hours" integer NOT NULL,
	"manual_workaround" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drill_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"drill_id" uuid NOT NULL,
	"inject_id" text NOT NULL,
	"participant" text NOT NULL,
	"text" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drill_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"drill_id" uuid NOT NULL,
	"severity" text NOT NULL,
	"title" jsonb NOT NULL,
	"fix" jsonb NOT NULL,
	"origin" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "drill_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"scenario_id" text NOT NULL,
	"mode" text NOT NULL,
	"participants" jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"started_by" uuid,
	"revealed_count" integer DEFAULT 1 NOT NULL,
	"finished_at" timestamp with time zone,
	"summary" text
);
--> statement-breakpoint
CREATE TABLE "plan_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"generated_by" uuid,
	"approved_by" uuid,
	"approved_by_name" text,
	"approved_at" timestamp with time zone,
	"model" jsonb NOT NULL,
	"rendered_text" text NOT NULL,
	CONSTRAINT "plan_documents_org_kind_version_uq" UNIQUE("organisation_id","kind","version")
);
--> statement-breakpoint
ALTER TABLE "business_functions" ADD CONSTRAINT "business_functions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_decisions" ADD CONSTRAINT "drill_decisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_decisions" ADD CONSTRAINT "drill_decisions_drill_id_drill_runs_id_fk" FOREIGN KEY ("drill_id") REFERENCES "public"."drill_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_findings" ADD CONSTRAINT "drill_findings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_findings" ADD CONSTRAINT "drill_findings_drill_id_drill_runs_id_fk" FOREIGN KEY ("drill_id") REFERENCES "public"."drill_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_runs" ADD CONSTRAINT "drill_runs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_runs" ADD CONSTRAINT "drill_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_documents" ADD CONSTRAINT "plan_documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_documents" ADD CONSTRAINT "plan_documents_generated_by_users_id_fk" FOREIGN KEY ("generated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_documents" ADD CONSTRAINT "plan_documents_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "business_functions_org_idx" ON "business_functions" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "drill_decisions_drill_idx" ON "drill_decisions" USING btree ("drill_id");--> statement-breakpoint
CREATE INDEX "drill_findings_org_status_idx" ON "drill_findings" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "drill_runs_org_idx" ON "drill_runs" USING btree ("organisation_id","started_at");