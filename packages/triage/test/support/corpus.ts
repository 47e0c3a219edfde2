import path from "node:path";

/** Shared reference data, resolved from the repository (tests only; never shipped). */
export const DATA = path.resolve(import.meta.dirname, "../../../../../shared/data");
export const EVTX = path.join(DATA, "evtx");
export const LOGS = path.join(DATA, "logs");
export const SIGMA = path.join(DATA, "sigma");

/** Absolute path of a corpus EVTX file. */
export function evtxPath(rel: string): string {
  return path.join(EVTX, rel);
}
