import { z } from "zod";
import { ZIndicatorKind } from "../indicators/indicator-kinds";

export const ZIncidentIndicator = z.object({
  id: z.string(),
  kind: ZIndicatorKind,
  value: z.string(),
  note: z.string().nullable(),
  origin: z.enum(["extracted", "manual"]),
});
export type TIncidentIndicator = z.infer<typeof ZIncidentIndicator>;

/** Pasted text (a ransom note, a log excerpt, an e-mail) to extract indicators from. */
export const ZExtractIndicatorsRequest = z.object({ text: z.string().min(1).max(1_000_000) });
export const ZExtractIndicatorsResponse = z.object({
  added: z.int().nonnegative(),
  duplicates: z.int().nonnegative(),
  indicators: z.array(ZIncidentIndicator),
});

export const ZAddIndicatorRequest = z.object({
  kind: ZIndicatorKind,
  value: z.string().trim().min(1).max(2048),
  note: z.string().trim().max(500).nullable().default(null),
});
export type TAddIndicatorRequest = z.input<typeof ZAddIndicatorRequest>;
export const ZIndicatorParams = z.object({ id: z.uuid(), indicatorId: z.uuid() });
