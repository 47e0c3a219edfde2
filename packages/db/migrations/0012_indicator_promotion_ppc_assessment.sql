ALTER TABLE "incident_indicators" ADD COLUMN "promoted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "incident_indicators" ADD COLUMN "promoted_by" uuid;--> statement-breakpoint
ALTER TABLE "incident_indicators" ADD COLUMN "promotion_reason" text;--> statement-breakpoint
ALTER TABLE "incident_indicators" ADD COLUMN "promotion_lists" jsonb;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "ppc_assessment" jsonb;--> statement-breakpoint
ALTER TABLE "incident_indicators" ADD CONSTRAINT "incident_indicators_promoted_by_users_id_fk" FOREIGN KEY ("promoted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;