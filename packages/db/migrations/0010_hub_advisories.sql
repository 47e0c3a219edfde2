CREATE TABLE "hub_advisories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" smallint NOT NULL,
	"severity" text NOT NULL,
	"title_ja" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"body_ja" text NOT NULL,
	"body_en" text DEFAULT '' NOT NULL,
	"prefecture_code" text,
	"source_url" text,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "hub_advisories" ADD CONSTRAINT "hub_advisories_unit_id_hub_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."hub_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_advisories" ADD CONSTRAINT "hub_advisories_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hub_advisories_published_idx" ON "hub_advisories" USING btree ("published_at");