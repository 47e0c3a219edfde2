import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { readCacheSync, writeCacheSync } from "../cache/cache-dir";
import { parseYamlText } from "../cache/lazy-yaml";
import { ZFirstResponseQuestion, ZLocalizedText, ZSeverity } from "../timeline/timeline-event";

/** content/triage/detections.yaml: the built-in detections as data (see the file's header). */
export const DETECTION_CATALOGUE_FILE = path.resolve(
  import.meta.dirname,
  "../../../../content/triage/detections.yaml",
);

const ZMeta = z.object({ question: ZFirstResponseQuestion, attack: z.array(z.string()) });
export type TDetectionMeta = z.infer<typeof ZMeta>;

const ZCondition = z
  .object({
    field: z.string(),
    equals: z.array(z.string()).optional(),
    contains: z.array(z.string()).optional(),
    startsWith: z.array(z.string()).optional(),
    endsWith: z.array(z.string()).optional(),
    not: z.boolean().default(false),
  })
  .refine((c) => [c.equals, c.contains, c.startsWith, c.endsWith].filter(Boolean).length === 1, {
    message: "exactly one of equals, contains, startsWith, endsWith",
  });
export type TEventRuleCondition = z.infer<typeof ZCondition>;

const ZEventRule = ZMeta.extend({
  id: z.string().regex(/^[a-z0-9-]+$/),
  severity: ZSeverity,
  per: z.enum(["event", "host"]).default("event"),
  /** "channel:eventId" pairs. */
  on: z.array(z.string().regex(/^.+:\d+$/)).min(1),
  where: z.array(ZCondition).default([]),
  title: ZLocalizedText,
  explanation: ZLocalizedText,
});
export type TEventRule = z.infer<typeof ZEventRule>;

const ZCatalogue = z.object({
  coded: z.record(z.string(), ZMeta),
  events: z.array(ZEventRule),
});
export type TDetectionCatalogue = z.infer<typeof ZCatalogue>;

let loaded: TDetectionCatalogue | undefined;

/**
 * The catalogue, read and validated once per process (a broken file fails loudly at first use).
 * The parsed YAML is cached as JSON under the SHA-256 of the file's text (see sonaeCacheDir), so
 * a run does not pay for YAML parsing; the cached form is validated like the file itself.
 */
export function detectionCatalogue(): TDetectionCatalogue {
  if (loaded) return loaded;
  const text = readFileSync(DETECTION_CATALOGUE_FILE, "utf8");
  const name = `catalogue-${createHash("sha256").update(CATALOGUE_CACHE_FORMAT).update(text).digest("hex")}.json`;
  const cached = readCacheSync(name);
  if (cached !== null) {
    try {
      // A damaged or foreign cache file is never trusted: it must pass the same schema.
      const fromCache = ZCatalogue.safeParse(JSON.parse(cached));
      if (fromCache.success) {
        loaded = fromCache.data;
        return loaded;
      }
    } catch {
      // Not JSON: rebuilt below.
    }
  }
  const doc = parseYamlText(text);
  loaded = ZCatalogue.parse(doc);
  writeCacheSync(name, JSON.stringify(doc));
  return loaded;
}

const CATALOGUE_CACHE_FORMAT = "sonae-catalogue-1";

/** ATT&CK ids and question of a rule, coded or data; rules not in the catalogue get none. */
export function detectionMeta(ruleId: string): TDetectionMeta | undefined {
  const catalogue = detectionCatalogue();
  return catalogue.coded[ruleId] ?? catalogue.events.find((r) => r.id === ruleId);
}
