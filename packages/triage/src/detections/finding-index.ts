import type { TDetection } from "../timeline/timeline-event";

/** The detection columns of one timeline row: which findings show this event. */
export interface EventFindings {
  ids: string[];
  titles: string[];
  severity: string;
  attack: string[];
}

const RANK = { critical: 4, high: 3, medium: 2, low: 1, info: 0 } as const;

/** Findings by event id, for the timeline's detection columns (highest severity kept). */
export function indexFindingsByEvent(detections: TDetection[]): Map<string, EventFindings> {
  const index = new Map<string, EventFindings>();
  for (const d of detections)
    for (const id of d.eventIds) {
      const row = index.get(id) ?? { ids: [], titles: [], severity: d.severity, attack: [] };
      row.ids.push(d.id);
      row.titles.push(`${d.title.ja} / ${d.title.en}`);
      if (RANK[d.severity] > RANK[row.severity as TDetection["severity"]]) row.severity = d.severity;
      for (const t of d.attack) if (!row.attack.includes(t)) row.attack.push(t);
      index.set(id, row);
    }
  return index;
}
