import path from "node:path";

/** Shared reference data, resolved from the repository root (tests only; the product never reads it). */
export const SHARED_RANSOMWARE_DIR = path.resolve(import.meta.dirname, "../../../../shared/data/ransomware");
export const NOTES_DIR = path.join(SHARED_RANSOMWARE_DIR, "notes");
export const notePath = (rel: string): string => path.join(NOTES_DIR, rel);
