import type { Manifest } from "../manifest/manifest-types";

/**
 * Minimal structural check of a parsed manifest.json; returns what is wrong, or undefined. The
 * signature proves who wrote it; this keeps a malformed one from crashing the checks that follow.
 */
export function checkManifestShape(value: unknown): string | undefined {
  if (!value || typeof value !== "object") return "not an object";
  const m = value as Partial<Manifest>;
  if (m.format !== "sonae-evidence-bundle") return "format is not sonae-evidence-bundle";
  if (m.formatVersion !== 1) return `unsupported formatVersion ${String(m.formatVersion)}`;
  if (m.complete !== true) return "bundle is not marked complete";
  if (!m.case || typeof m.case.id !== "string" || typeof m.case.examiner !== "string") return "case missing";
  if (!m.signer || typeof m.signer.fingerprint !== "string") return "signer missing";
  if (typeof m.custodyHeadHash !== "string") return "custodyHeadHash missing";
  if (!Array.isArray(m.files) || !Array.isArray(m.problems)) return "files or problems missing";
  for (const [i, f] of m.files.entries()) {
    if (typeof f?.entryName !== "string" || !f.entryName.startsWith("files/"))
      return `files[${i}].entryName invalid`;
    if (typeof f.size !== "number" || typeof f.sha256 !== "string")
      return `files[${i}] size or sha256 missing`;
  }
  return undefined;
}
