CREATE TABLE "hub_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"unit_id" smallint NOT NULL,
	"related_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seen_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "hub_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"size_bytes" integer NOT NULL,
	"meta_enc" "bytea" NOT NULL,
	"content_enc" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_memberships" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"unit_id" smallint NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"kind" text NOT NULL,
	"author_user_id" uuid,
	"body_enc" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_nonces" (
	"nonce" text PRIMARY KEY NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_observations" (
	"kind" smallint NOT NULL,
	"value_hash" "bytea" NOT NULL,
	"report_id" uuid NOT NULL,
	"unit_id" smallint NOT NULL,
	"observed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_org_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fingerprint" text NOT NULL,
	"public_key" text NOT NULL,
	"org_name" text NOT NULL,
	"prefecture_unit_id" smallint NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "hub_org_keys_fingerprint_unique" UNIQUE("fingerprint")
);
--> statement-breakpoint
CREATE TABLE "hub_report_shares" (
	"report_id" uuid NOT NULL,
	"unit_id" smallint NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hub_report_shares_report_id_unit_id_pk" PRIMARY KEY("report_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "hub_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"source" text NOT NULL,
	"kind" text NOT NULL,
	"org_key_id" uuid,
	"submission_id" text,
	"unit_id" smallint NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"category" text,
	"priority" text,
	"assignee_user_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ack_due_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"response_due_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"receipt_token_hash" text NOT NULL,
	"wrapped_key" "bytea" NOT NULL,
	"payload_enc" "bytea" NOT NULL,
	CONSTRAINT "hub_reports_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "hub_units" (
	"id" smallint PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hub_alerts" ADD CONSTRAINT "hub_alerts_report_id_hub_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."hub_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_alerts" ADD CONSTRAINT "hub_alerts_unit_id_hub_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."hub_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_attachments" ADD CONSTRAINT "hub_attachments_report_id_hub_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."hub_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_memberships" ADD CONSTRAINT "hub_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_memberships" ADD CONSTRAINT "hub_memberships_unit_id_hub_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."hub_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_messages" ADD CONSTRAINT "hub_messages_report_id_hub_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."hub_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_messages" ADD CONSTRAINT "hub_messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_org_keys" ADD CONSTRAINT "hub_org_keys_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_report_shares" ADD CONSTRAINT "hub_report_shares_report_id_hub_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."hub_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_report_shares" ADD CONSTRAINT "hub_report_shares_unit_id_hub_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."hub_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_reports" ADD CONSTRAINT "hub_reports_org_key_id_hub_org_keys_id_fk" FOREIGN KEY ("org_key_id") REFERENCES "public"."hub_org_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_reports" ADD CONSTRAINT "hub_reports_unit_id_hub_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."hub_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_reports" ADD CONSTRAINT "hub_reports_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hub_alerts_report_unit_unique" ON "hub_alerts" USING btree ("report_id","unit_id");--> statement-breakpoint
CREATE INDEX "hub_attachments_report_idx" ON "hub_attachments" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "hub_messages_report_idx" ON "hub_messages" USING btree ("report_id","created_at");--> statement-breakpoint
CREATE INDEX "hub_nonces_seen_idx" ON "hub_nonces" USING btree ("seen_at");--> statement-breakpoint
CREATE INDEX "hub_observations_value_idx" ON "hub_observations" USING btree ("kind","value_hash");--> statement-breakpoint
CREATE INDEX "hub_observations_report_idx" ON "hub_observations" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "hub_report_shares_unit_idx" ON "hub_report_shares" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hub_reports_submission_unique" ON "hub_reports" USING btree ("org_key_id","submission_id") WHERE "hub_reports"."submission_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "hub_reports_unit_idx" ON "hub_reports" USING btree ("unit_id","received_at");