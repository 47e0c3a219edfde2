DROP INDEX "hub_observations_value_idx";--> statement-breakpoint
CREATE INDEX "hub_observations_value_at_idx" ON "hub_observations" USING btree ("kind","value_hash","observed_at" DESC NULLS LAST);