import { z } from "zod";
import { ZIndicatorKind } from "../indicators/indicator-kinds";
import { ZWarningListMatch } from "../warninglists/warning-list-contracts";

/** A person's decision that a warning-listed value is an attack indicator after all, and why. */
export const ZIndicatorPromotion = z.object({
  reason: z.string(),
  at: z.string(),
  byName: z.string().nullable(),
});

export const ZIncidentIndicator = z.object({
  id: z.string(),
  kind: ZIndicatorKind,
  value: z.string(),
  note: z.string().nullable(),
  origin: z.enum(["extracted", "manual"]),
  /** The warning lists the value is on today (each with its data date); empty for an ordinary indicator. */
  warningLists: z.array(ZWarningListMatch),
  promotion: ZIndicatorPromotion.nullable(),
  /** On a warning list and not promoted: kept and shown, never exported as an indicator. */
  context: z.boolean(),
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

/** Promoting a context value to an indicator needs a reason a colleague (or the police) can follow. */
export const ZPromoteIndicatorRequest = z.object({ reason: z.string().trim().min(10).max(1000) });
export type TPromoteIndicatorRequest = z.input<typeof ZPromoteIndicatorRequest>;

/** Context or indicator: the one rule (organisation UI, report package, hub). */
export function isContextValue(warningLists: readonly unknown[], promoted: boolean): boolean {
  return warningLists.length > 0 && !promoted;
}
