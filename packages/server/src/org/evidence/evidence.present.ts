import type { TEvidenceBundle, TEvidenceBundleDetail, TEvidenceVerification, TSignerKey } from "@sonae/core";
import type { Manifest } from "@sonae/evidence";
import type { BundleRow } from "./evidence.service";
import { identifySigner } from "./signer-keys";

/**
 * A bundle for the list: never the internal columns (vault path, custody copy). `verified` is the
 * integrity check; `signer` says whose key signed it, from the keys this installation knows.
 */
export function presentBundle(row: BundleRow, keys: readonly TSignerKey[]): TEvidenceBundle {
  const manifest = row.manifest as unknown as Manifest;
  const verification = row.verification as unknown as TEvidenceVerification;
  return {
    id: row.id,
    incidentId: row.incidentId,
    sha256: row.sha256,
    sizeBytes: row.sizeBytes,
    fileName: row.fileName,
    caseId: row.caseId,
    examiner: row.examiner,
    signerFingerprint: row.signerFingerprint,
    verified: verification.ok,
    signer: identifySigner(keys, row.signerFingerprint),
    fileCount: manifest.files.length,
    problemCount: manifest.problems.length,
    uploadedAt: row.uploadedAt.toISOString(),
    uploadedBy: row.uploadedBy,
  };
}

/** Detail: manifest summary, verification and the custody chain with its check. */
export function presentBundleDetail(
  row: BundleRow,
  keys: readonly TSignerKey[],
  chain: Pick<TEvidenceBundleDetail, "custody" | "custodyFailures">,
): TEvidenceBundleDetail {
  const manifest = row.manifest as unknown as Manifest;
  const v = row.verification as unknown as TEvidenceVerification;
  return {
    ...presentBundle(row, keys),
    collector: manifest.collector as unknown as Record<string, unknown>,
    startedAt: manifest.startedAt,
    endedAt: manifest.endedAt,
    files: manifest.files.map((f) => ({
      entryName: f.entryName,
      sourcePath: f.sourcePath,
      size: f.size,
      mtime: f.mtime,
      sha256: f.sha256,
      changedWhileReading: f.changedWhileReading,
    })),
    problems: manifest.problems.map((p) => ({ sourcePath: p.sourcePath, kind: p.kind, reason: p.reason })),
    verification: {
      ok: v.ok,
      filesChecked: v.filesChecked,
      bytesChecked: v.bytesChecked,
      signerFingerprint: v.signerFingerprint,
      failures: v.failures,
      verifiedAt: v.verifiedAt,
    },
    custody: chain.custody,
    custodyValid: chain.custodyFailures.length === 0,
    custodyFailures: chain.custodyFailures,
  };
}
