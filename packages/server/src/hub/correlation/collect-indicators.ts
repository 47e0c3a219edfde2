import {
  extractIndicators,
  INDICATOR_KINDS,
  normaliseIndicator,
  type THubIndicatorKind,
  type TIndicatorKind,
} from "@sonae/core";
import type { TReportPackageModel } from "@sonae/documents";
import { isWarningListed } from "./hub-warning-list";

export type HubIndicator = { kind: THubIndicatorKind; value: string; noisy: boolean };

/** Kind codes stored in hub_observations.kind: position in this list (append only). */
export const HUB_INDICATOR_KINDS: readonly THubIndicatorKind[] = [...INDICATOR_KINDS, "note_id"];

export function kindCode(kind: THubIndicatorKind): number {
  return HUB_INDICATOR_KINDS.indexOf(kind);
}

/**
 * Victim ids printed in ransom notes ("personal ID: …", "Your ID: …"): two victims never share
 * one, so a shared id means the same note, i.e. the same intrusion reported twice.
 */
const NOTE_ID =
  /(?:personal\s*id|your\s*(?:personal\s*)?id|decrypt(?:ion)?\s*id|victim\s*id|key\s*id)\s*[:：]?\s*\n?\s*([A-Za-z0-9+/=_-]{16,200})/gi;

function noteIds(text: string): string[] {
  return [...text.matchAll(NOTE_ID)].map((m) => m[1]!.trim());
}

function add(out: Map<string, HubIndicator>, kind: THubIndicatorKind, raw: string) {
  let value: string;
  try {
    value = kind === "note_id" ? raw.trim() : normaliseIndicator(kind as TIndicatorKind, raw);
  } catch {
    return;
  }
  if (!value) return;
  const key = `${kind}\u0000${value}`;
  if (!out.has(key)) out.set(key, { kind, value, noisy: isWarningListed(kind, value) });
}

/** Indicators from free text: extracted (defanged forms read), normalised, flagged noisy or not. */
export function collectFromText(texts: readonly string[]): HubIndicator[] {
  const out = new Map<string, HubIndicator>();
  for (const text of texts) {
    if (!text) continue;
    for (const i of extractIndicators(text)) add(out, i.kind, i.value);
    for (const id of noteIds(text)) add(out, "note_id", id);
  }
  return [...out.values()];
}

/** Indicators of a report package: its typed list plus what the free-text fields contain. */
export function collectFromPackage(pkg: TReportPackageModel): HubIndicator[] {
  const out = new Map<string, HubIndicator>();
  for (const i of pkg.indicators) {
    if ((INDICATOR_KINDS as readonly string[]).includes(i.kind)) add(out, i.kind as TIndicatorKind, i.value);
  }
  const texts = [
    pkg.incident.summary,
    pkg.incident.discoveredHow ?? "",
    pkg.ransom.noteText ?? "",
    pkg.intrusion.detail ?? "",
    ...pkg.timeline.map((t) => t.event),
  ];
  for (const i of collectFromText(texts))
    if (!out.has(`${i.kind}\u0000${i.value}`)) out.set(`${i.kind}\u0000${i.value}`, i);
  return [...out.values()];
}
