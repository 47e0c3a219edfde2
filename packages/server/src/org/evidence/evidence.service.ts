import { createHash } from "node:crypto";
import { unlink } from "node:fs/promises";
import { AppError } from "@sonae/core";
import { type Db, evidenceBundles } from "@sonae/db";
import { EvidenceError, type Manifest, type StoredBundle } from "@sonae/evidence";
import { and, eq } from "drizzle-orm";
import type { AppDeps } from "../../app-deps";
import { recordAudit } from "../../platform/audit/audit.service";
import type { Actor, RequestContext } from "../../platform/http/request-context";
import { assertIncidentTeam, findIncidentRow } from "../incidents/incident-access";
import { readBundleEntry, readManifest } from "./bundle-entries";
import { plainUpload } from "./encrypted-upload";
import { appendServerCustody } from "./evidence-custody";
import { getVault, storedBundlePath, toAppError } from "./evidence-vault";
import { identifySigner, listSignerKeys } from "./signer-keys";

export type BundleRow = typeof evidenceBundles.$inferSelect;
type Ctx = RequestContext & { actor: Actor };

/** Incident team (admins included) only; outside it the incident does not exist (404). */
export async function assertEvidenceAccess(db: Db, actor: Actor, incidentId: string, write: boolean) {
  await assertIncidentTeam(db, actor, write ? "record.write" : "record.read");
  return findIncidentRow(db, actor, incidentId);
}

/** The bundle of this incident in the actor's organisation, or 404. */
export async function findBundle(db: Pick<Db, "select">, actor: Actor, incidentId: string, sha256: string) {
  const [row] = await db
    .select()
    .from(evidenceBundles)
    .where(
      and(
        eq(evidenceBundles.organisationId, actor.organisationId),
        eq(evidenceBundles.incidentId, incidentId),
        eq(evidenceBundles.sha256, sha256),
      ),
    )
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/**
 * Stores an uploaded bundle: the vault streams it to a temp file, rejects traversal names, zip bombs
 * and anything that fails verification (nothing is kept), then links it into place. The row, the
 * first server custody entry and the audit event commit together; if that fails, a newly stored
 * file that no row references is removed again, so a failed upload leaves nothing behind.
 */
export async function uploadEvidence(
  deps: AppDeps,
  ctx: Ctx,
  incidentId: string,
  fileName: string,
  source: AsyncIterable<Buffer>,
  /** A kit uploading by itself may only deliver bundles it signed. */
  requireSignerFingerprint?: string,
): Promise<{ row: BundleRow; deduplicated: boolean }> {
  const upload = await plainUpload(deps, ctx.actor.organisationId, source);
  const stored = await getVault(deps)
    .storeBundle(upload.source)
    .catch((error: unknown) => {
      throw toUploadError(error);
    })
    .finally(upload.cleanup);
  const zipPath = storedBundlePath(deps, stored.sha256);
  try {
    const manifest = await readManifest(zipPath);
    const csvSha256 = createHash("sha256")
      .update(await readBundleEntry(zipPath, "manifest.csv"))
      .digest("hex");
    if (requireSignerFingerprint && manifest.signer.fingerprint !== requireSignerFingerprint)
      throw new AppError("EVIDENCE_REJECTED", {
        detail: {
          ja: "このキットが署名したバンドルではありません。何も保管していません",
          en: "This bundle was not signed by the uploading kit. Nothing was stored",
        },
      });
    return await deps.db.transaction(async (tx) => {
      const already = await tx
        .select({ id: evidenceBundles.id })
        .from(evidenceBundles)
        .where(and(eq(evidenceBundles.incidentId, incidentId), eq(evidenceBundles.sha256, stored.sha256)));
      if (already.length > 0) {
        throw new AppError("CONFLICT", {
          detail: {
            ja: "この証拠バンドルはこのインシデントに登録済みです",
            en: "This evidence bundle is already attached to this incident",
          },
        });
      }
      const [row] = await tx
        .insert(evidenceBundles)
        .values(toRow(ctx.actor, incidentId, fileName, stored, manifest, csvSha256))
        .returning();
      if (!row) throw new Error("insert returned nothing");
      // Custody starts at collection: the server entry names the signer as this installation knows it.
      const signer = identifySigner(await listSignerKeys(deps, tx, ctx.actor), manifest.signer.fingerprint);
      await appendServerCustody(tx, row, ctx.actor, "vault.stored", {
        incidentId,
        sizeBytes: stored.size,
        fileName,
        signer: {
          status: signer.status,
          fingerprint: signer.fingerprint,
          kitId: signer.kitId,
          issuedTo: signer.issuedTo,
        },
      });
      await recordAudit(tx, ctx, {
        type: "evidence.uploaded",
        incidentId,
        sha256: stored.sha256,
        sizeBytes: stored.size,
        deduplicated: stored.deduplicated,
        caseId: manifest.case.id,
      });
      return { row, deduplicated: stored.deduplicated };
    });
  } catch (error) {
    if (!stored.deduplicated) await removeIfUnreferenced(deps, stored.sha256);
    throw error;
  }
}

/**
 * Upload failures: the engine's own codes map as everywhere; a ZIP parser error (no errno: not a
 * ZIP, truncated, corrupt directory) is the uploader's input, so 422 rather than a server fault.
 */
function toUploadError(error: unknown): unknown {
  if (error instanceof AppError || error instanceof EvidenceError) return toAppError(error);
  const errno = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error && errno === undefined) {
    return new AppError("EVIDENCE_REJECTED", {
      field: "file",
      cause: error,
      detail: {
        ja: `ZIP 形式の証拠バンドルとして読み取れません。何も保管していません（${error.message}）`,
        en: `This is not a readable ZIP evidence bundle. Nothing was stored (${error.message})`,
      },
    });
  }
  return error;
}

async function removeIfUnreferenced(deps: AppDeps, sha256: string): Promise<void> {
  const refs = await deps.db
    .select({ id: evidenceBundles.id })
    .from(evidenceBundles)
    .where(eq(evidenceBundles.sha256, sha256))
    .limit(1);
  if (refs.length === 0) await unlink(storedBundlePath(deps, sha256)).catch(() => undefined);
}

function toRow(
  actor: Actor,
  incidentId: string,
  fileName: string,
  stored: StoredBundle,
  manifest: Manifest,
  manifestCsvSha256: string,
) {
  const v = stored.verification;
  return {
    organisationId: actor.organisationId,
    incidentId,
    sha256: stored.sha256,
    sizeBytes: stored.size,
    fileName: fileName.slice(0, 300),
    caseId: manifest.case.id,
    examiner: manifest.case.examiner,
    signerFingerprint: manifest.signer.fingerprint,
    bundleCustodyHeadHash: stored.custodyHeadHash,
    verification: {
      ok: v.ok,
      filesChecked: v.filesChecked,
      bytesChecked: v.bytesChecked,
      signerFingerprint: v.signerFingerprint ?? null,
      failures: v.failures,
      verifiedAt: new Date().toISOString(),
      custody: v.custody ?? [],
      manifestCsvSha256,
    },
    manifest: manifest as unknown as Record<string, unknown>,
    uploadedBy: actor.userId,
  };
}

/** Records one access (view, download, export, triage) in the custody chain and the audit log. */
export async function recordAccess(
  db: Db,
  ctx: Ctx,
  row: BundleRow,
  action: string,
  audit: Parameters<typeof recordAudit>[2],
  details: Record<string, unknown> = {},
): Promise<void> {
  await db.transaction(async (tx) => {
    await appendServerCustody(tx, row, ctx.actor, action, details);
    await recordAudit(tx, ctx, audit);
  });
}

/** manifest.csv of a stored bundle, checked against the hash taken when it was verified at upload. */
export async function readManifestCsv(deps: AppDeps, row: BundleRow): Promise<Buffer> {
  const bytes = await readBundleEntry(storedBundlePath(deps, row.sha256), "manifest.csv");
  const expected = (row.verification as { manifestCsvSha256?: string }).manifestCsvSha256;
  if (createHash("sha256").update(bytes).digest("hex") !== expected) throw new AppError("EVIDENCE_INTEGRITY");
  return bytes;
}
