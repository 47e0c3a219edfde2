CREATE TABLE "hub_passive_dns" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"rrname" text NOT NULL,
	"rrtype" text NOT NULL,
	"rdata" text NOT NULL,
	"time_first" timestamp with time zone NOT NULL,
	"time_last" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"source" text NOT NULL,
	"partner_id" uuid
);
--> statement-breakpoint
CREATE TABLE "hub_phish_urls" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"canonical" text NOT NULL,
	"sha256" text NOT NULL,
	"host" text NOT NULL,
	"host_unicode" text NOT NULL,
	"registrable_domain" text,
	"ip" text,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"warning_listed" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'candidate' NOT NULL,
	"category" text,
	"brand_id" text,
	"proposed_verdict" text,
	"proposed_brand_id" text,
	"discovered_via" text,
	"verdict_by" uuid,
	"verdict_reason" text,
	"verdict_at" timestamp with time zone,
	"first_seen" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen" timestamp with time zone DEFAULT now() NOT NULL,
	"sighting_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_url_delisting_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target" text NOT NULL,
	"target_kind" text NOT NULL,
	"target_key" text NOT NULL,
	"contact" text NOT NULL,
	"explanation" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decision_reason" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_url_feed_changes" (
	"cursor" bigserial PRIMARY KEY NOT NULL,
	"url_id" bigint NOT NULL,
	"change" text NOT NULL,
	"category" text NOT NULL,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_url_feeds" (
	"name" text PRIMARY KEY NOT NULL,
	"title_ja" text NOT NULL,
	"title_en" text NOT NULL,
	"categories" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_url_partner_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "hub_url_partner_usage" (
	"partner_id" uuid NOT NULL,
	"day" date NOT NULL,
	"urls" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "hub_url_partner_usage_partner_id_day_pk" PRIMARY KEY("partner_id","day")
);
--> statement-breakpoint
CREATE TABLE "hub_url_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" smallint NOT NULL,
	"name" text NOT NULL,
	"can_submit" boolean DEFAULT false NOT NULL,
	"daily_quota" integer DEFAULT 100000 NOT NULL,
	"feeds" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_url_sightings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"url_id" bigint NOT NULL,
	"source" text NOT NULL,
	"unit_id" smallint NOT NULL,
	"partner_id" uuid,
	"report_id" uuid,
	"source_ref" text,
	"raw_input" text,
	"brand_hint" text,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"added_by" uuid
);
--> statement-breakpoint
ALTER TABLE "hub_passive_dns" ADD CONSTRAINT "hub_passive_dns_partner_id_hub_url_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."hub_url_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_phish_urls" ADD CONSTRAINT "hub_phish_urls_verdict_by_users_id_fk" FOREIGN KEY ("verdict_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_url_delisting_requests" ADD CONSTRAINT "hub_url_delisting_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_url_feed_changes" ADD CONSTRAINT "hub_url_feed_changes_url_id_hub_phish_urls_id_fk" FOREIGN KEY ("url_id") REFERENCES "public"."hub_phish_urls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_url_partner_tokens" ADD CONSTRAINT "hub_url_partner_tokens_partner_id_hub_url_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."hub_url_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_url_partner_usage" ADD CONSTRAINT "hub_url_partner_usage_partner_id_hub_url_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."hub_url_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_url_partners" ADD CONSTRAINT "hub_url_partners_unit_id_hub_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."hub_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_url_sightings" ADD CONSTRAINT "hub_url_sightings_url_id_hub_phish_urls_id_fk" FOREIGN KEY ("url_id") REFERENCES "public"."hub_phish_urls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_url_sightings" ADD CONSTRAINT "hub_url_sightings_unit_id_hub_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."hub_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_url_sightings" ADD CONSTRAINT "hub_url_sightings_partner_id_hub_url_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."hub_url_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_url_sightings" ADD CONSTRAINT "hub_url_sightings_report_id_hub_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."hub_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_url_sightings" ADD CONSTRAINT "hub_url_sightings_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hub_passive_dns_record_unique" ON "hub_passive_dns" USING btree ("rrname","rrtype","rdata","source");--> statement-breakpoint
CREATE INDEX "hub_passive_dns_rdata_idx" ON "hub_passive_dns" USING btree ("rdata");--> statement-breakpoint
CREATE UNIQUE INDEX "hub_phish_urls_sha256_unique" ON "hub_phish_urls" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "hub_phish_urls_host_idx" ON "hub_phish_urls" USING btree ("host");--> statement-breakpoint
CREATE INDEX "hub_phish_urls_domain_idx" ON "hub_phish_urls" USING btree ("registrable_domain");--> statement-breakpoint
CREATE INDEX "hub_phish_urls_ip_idx" ON "hub_phish_urls" USING btree ("ip");--> statement-breakpoint
CREATE INDEX "hub_phish_urls_state_idx" ON "hub_phish_urls" USING btree ("state","last_seen");--> statement-breakpoint
CREATE INDEX "hub_url_delisting_status_idx" ON "hub_url_delisting_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "hub_url_feed_changes_url_idx" ON "hub_url_feed_changes" USING btree ("url_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hub_url_partner_tokens_hash_unique" ON "hub_url_partner_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "hub_url_sightings_url_idx" ON "hub_url_sightings" USING btree ("url_id","seen_at");--> statement-breakpoint
CREATE INDEX "hub_url_sightings_unit_idx" ON "hub_url_sightings" USING btree ("unit_id","seen_at");--> statement-breakpoint
CREATE INDEX "hub_url_sightings_partner_idx" ON "hub_url_sightings" USING btree ("partner_id","seen_at");