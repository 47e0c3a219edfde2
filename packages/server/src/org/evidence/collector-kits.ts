import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildKit, isAllowedUploadUrl, issueKitConfig, loadCollectionTargets } from "@sonae/collector";
import { AppError, type TIssueKitRequest } from "@sonae/core";
import { type Db, evidenceSignerKeys, incidents } from "@sonae/db";
import { and, desc, eq } from "drizzle-orm";
import type { AppDeps } from "../../app-deps";
import { recordAudit } from "../../platform/audit/audit.service";
import type { Actor, RequestContext } from "../../platform/http/request-context";
import { loadOrganisationKey } from "./organisation-key";

/** The organisation a kit is issued by (from the signed-in actor, or named on the command line). */
export interface KitIssuer {
  organisationId: string;
  organisationName: string;
  /** From the command line (no signed-in actor): the user a self-uploading kit acts for. */
  onBehalfOfUserId?: string;
}

/** A built kit waiting to be sent; `cleanup` removes the temporary file. */
export interface IssuedKit {
  kitId: string;
  fingerprint: string;
  file: string;
  fileName: string;
  size: number;
  sha256: string;
  cleanup: () => Promise<void>;
}

/**
 * Issues a collector kit for an incident: a fresh kit key pair, the content/collect targets of the
 * platform and the person's extra paths, built into one executable. The kit's public key is kept
 * (kind `kit`: issued to whom, when, for which incident) in the same transaction as the audit event,
 * so every bundle it signs is recognised as "collected by kit K issued to X".
 */
export async function issueCollectorKit(
  deps: AppDeps,
  ctx: RequestContext,
  issuer: KitIssuer,
  incidentId: string,
  request: TIssueKitRequest,
  outDir?: string,
): Promise<IssuedKit> {
  const [incident] = await deps.db
    .select()
    .from(incidents)
    .where(and(eq(incidents.id, incidentId), eq(incidents.organisationId, issuer.organisationId)))
    .limit(1);
  if (!incident) throw new AppError("NOT_FOUND");
  if (request.uploadUrl && !isAllowedUploadUrl(request.uploadUrl))
    throw new AppError("VALIDATION", {
      field: "uploadUrl",
      detail: {
        ja: "アップロード先は https の URL にしてください (http は localhost のみ)",
        en: "The upload address must be an https URL (http only for localhost)",
      },
    });
  const config = issueKitConfig({
    platform: request.platform,
    incident: { id: incident.id, reference: incident.reference },
    organisation: { name: issuer.organisationName },
    issuedTo: request.issuedTo,
    targets: (await loadCollectionTargets()).filter(
      (t) => !request.targetIds || request.targetIds.includes(t.id),
    ),
    extraPaths: request.extraPaths,
    ntpServer: kitNtpServer(),
    // Only the public half travels in the kit.
    encryptTo: request.encrypt ? publicHalf(await loadOrganisationKey(deps, issuer.organisationId)) : null,
    uploadUrl: request.uploadUrl,
  });
  const dir = outDir ?? (await mkdtemp(path.join(os.tmpdir(), "sonae-kit-issue-")));
  const cleanup = () => (outDir ? Promise.resolve() : rm(dir, { recursive: true, force: true }));
  try {
    const fileName = `sonae-kit-${incident.reference}-${config.kitId}${request.platform === "windows-x64" ? ".exe" : ""}`;
    const built = await buildKit(config, path.join(dir, fileName));
    await deps.db.transaction(async (tx) => {
      await tx.insert(evidenceSignerKeys).values({
        organisationId: issuer.organisationId,
        kind: "kit",
        fingerprint: config.fingerprint,
        publicKeyPem: config.publicKeyPem,
        label: `${config.kitId} (${request.platform})`,
        kitId: config.kitId,
        incidentId: incident.id,
        platform: request.platform,
        issuedTo: request.issuedTo,
        createdBy: ctx.actor?.userId ?? issuer.onBehalfOfUserId ?? null,
      });
      await recordAudit(tx, ctx, {
        type: "evidence.kit_issued",
        incidentId: incident.id,
        kitId: config.kitId,
        platform: request.platform,
        issuedTo: request.issuedTo,
        fingerprint: config.fingerprint,
      });
    });
    return {
      kitId: config.kitId,
      fingerprint: config.fingerprint,
      file: built.path,
      fileName,
      size: built.size,
      sha256: built.sha256,
      cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

function publicHalf(key: { publicKeyPem: string; fingerprint: string }) {
  return { publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint };
}

/** Clock check server baked into kits: SONAE_KIT_NTP_SERVER, "off" for none; default ntp.nict.jp. */
function kitNtpServer(): string | null {
  const value = process.env.SONAE_KIT_NTP_SERVER ?? "ntp.nict.jp";
  return value === "off" ? null : value;
}

/** Kits issued for one incident, newest first. */
export async function listIncidentKits(db: Pick<Db, "select">, actor: Actor, incidentId: string) {
  return db
    .select()
    .from(evidenceSignerKeys)
    .where(
      and(
        eq(evidenceSignerKeys.organisationId, actor.organisationId),
        eq(evidenceSignerKeys.incidentId, incidentId),
        eq(evidenceSignerKeys.kind, "kit"),
      ),
    )
    .orderBy(desc(evidenceSignerKeys.createdAt));
}
