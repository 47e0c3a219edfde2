CREATE TABLE "hub_card_batch_items" (
	"batch_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"pan_hmac" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_card_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"brand" text NOT NULL,
	"recipient_id" uuid NOT NULL,
	"reissue_of" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"count" integer NOT NULL,
	"manifest" jsonb NOT NULL,
	"file_encrypted" text NOT NULL,
	"sent_at" timestamp with time zone,
	"sent_by" uuid
);
--> statement-breakpoint
CREATE TABLE "hub_card_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"import_id" uuid NOT NULL,
	"unit_id" smallint NOT NULL,
	"brand" text NOT NULL,
	"pan_hmac" "bytea" NOT NULL,
	"pan_sealed" "bytea" NOT NULL,
	"first6" text NOT NULL,
	"last4" text NOT NULL,
	"pan_length" smallint NOT NULL,
	"exposed_expiry" boolean NOT NULL,
	"exposed_cvc" boolean NOT NULL,
	"exposed_holder" boolean NOT NULL,
	"exposed_3ds" boolean NOT NULL,
	"source_kind" text NOT NULL,
	"source_ref" text NOT NULL,
	"learned_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"batch_id" uuid
);
--> statement-breakpoint
CREATE TABLE "hub_card_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" smallint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"wrapped_dek" "bytea" NOT NULL,
	"accepted" integer NOT NULL,
	"duplicates" integer NOT NULL,
	"refused" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_card_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"brand" text NOT NULL,
	"name" text NOT NULL,
	"public_key_armored" text NOT NULL,
	"fingerprint" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hub_card_batch_items" ADD CONSTRAINT "hub_card_batch_items_batch_id_hub_card_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."hub_card_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_card_batch_items" ADD CONSTRAINT "hub_card_batch_items_entry_id_hub_card_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."hub_card_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_card_batches" ADD CONSTRAINT "hub_card_batches_recipient_id_hub_card_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."hub_card_recipients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_card_batches" ADD CONSTRAINT "hub_card_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_card_batches" ADD CONSTRAINT "hub_card_batches_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_card_entries" ADD CONSTRAINT "hub_card_entries_import_id_hub_card_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."hub_card_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_card_entries" ADD CONSTRAINT "hub_card_entries_unit_id_hub_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."hub_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_card_imports" ADD CONSTRAINT "hub_card_imports_unit_id_hub_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."hub_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_card_imports" ADD CONSTRAINT "hub_card_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_card_recipients" ADD CONSTRAINT "hub_card_recipients_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hub_card_batch_items_pk" ON "hub_card_batch_items" USING btree ("batch_id","entry_id");--> statement-breakpoint
CREATE INDEX "hub_card_batch_items_entry_id_index" ON "hub_card_batch_items" USING btree ("entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hub_card_entries_hmac_idx" ON "hub_card_entries" USING btree ("pan_hmac");--> statement-breakpoint
CREATE INDEX "hub_card_entries_unit_idx" ON "hub_card_entries" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "hub_card_entries_waiting_idx" ON "hub_card_entries" USING btree ("brand","learned_on") WHERE "hub_card_entries"."batch_id" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "hub_card_recipients_active_idx" ON "hub_card_recipients" USING btree ("brand") WHERE "hub_card_recipients"."active";