import { HUB_CARD_BRANDS } from "@sonae/core";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app-deps";
import { buildBrandBatch } from "./card-batches.service";
import { loadCardKeys } from "./card-keys";

/**
 * The scheduled hand-over (issue 19 §4: a number in a batch within 24 hours): every
 * `SONAE_HUB_CARD_BATCH_MINUTES` (off when unset) each brand with waiting numbers gets a batch.
 * Several hub processes may run it: buildBrandBatch holds a per-brand advisory lock and takes only
 * numbers still waiting, so the second process finds nothing and builds nothing. A brand without a
 * registered recipient is skipped (logged by brand, never with numbers).
 */
export function scheduleCardBatches(app: FastifyInstance, deps: AppDeps, env = process.env): void {
  const minutes = Number(env.SONAE_HUB_CARD_BATCH_MINUTES ?? 0);
  if (!(minutes > 0)) return;
  const ctx = { actor: null, ip: null, userAgent: "sonae-hub-card-schedule" };
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      for (const brand of HUB_CARD_BRANDS) {
        try {
          await buildBrandBatch(deps.db, loadCardKeys(deps.config.dataDir), ctx, brand);
        } catch (error) {
          app.log.warn({ brand, code: (error as { code?: string }).code }, "card batch not built");
        }
      }
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), minutes * 60_000);
  timer.unref();
  app.addHook("onClose", async () => clearInterval(timer));
}
