import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
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

/** The catalogue, read and validated once per process (a broken file fails loudly at first use). */
export function detectionCatalogue(): TDetectionCatalogue {
  loaded ??= ZCatalogue.parse(parse(readFileSync(DETECTION_CATALOGUE_FILE, "utf8")));
  return loaded;
}

/** ATT&CK ids and question of a rule, coded or data; rules not in the catalogue get none. */
export function detectionMeta(ruleId: string): TDetectionMeta | undefined {
  const catalogue = detectionCatalogue();
  return catalogue.coded[ruleId] ?? catalogue.events.find((r) => r.id === ruleId);
}
