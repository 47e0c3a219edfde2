import { createPublicKey } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { AppError, type TEvidenceSigner, type TSignerKey } from "@sonae/core";
import { type Db, evidenceSignerKeys } from "@sonae/db";
import { fingerprintPublicKey } from "@sonae/evidence";
import { and, asc, eq } from "drizzle-orm";
import type { AppDeps } from "../../app-deps";
import { recordAudit } from "../../platform/audit/audit.service";
import type { Actor, RequestContext } from "../../platform/http/request-context";

type Ctx = RequestContext & { actor: Actor };
type SignerKeyRow = typeof evidenceSignerKeys.$inferSelect;

/**
 * This installation's own signing keys: the one `sonae preserve` made in `<dataDir>/keys`, and the
 * pinned key of SONAE_EVIDENCE_TRUSTED_KEY when set. Read-only; missing files are simply absent.
 */
export function installationKeys(deps: AppDeps): TSignerKey[] {
  const files = [
    path.join(deps.config.dataDir, "keys", "evidence-signing.pub"),
    ...(process.env.SONAE_EVIDENCE_TRUSTED_KEY ? [process.env.SONAE_EVIDENCE_TRUSTED_KEY] : []),
  ];
  const keys: TSignerKey[] = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    const publicKeyPem = readFileSync(file, "utf8");
    const fingerprint = fingerprintPublicKey(publicKeyPem);
    if (keys.some((k) => k.fingerprint === fingerprint)) continue;
    keys.push({
      id: null,
      kind: "installation",
      fingerprint,
      publicKeyPem,
      label: "このインストールの署名鍵 / This installation's key",
      kitId: null,
      incidentId: null,
      platform: null,
      issuedTo: null,
      createdAt: null,
    });
  }
  return keys;
}

function presentKey(row: SignerKeyRow): TSignerKey {
  return {
    id: row.id,
    kind: row.kind,
    fingerprint: row.fingerprint,
    publicKeyPem: row.publicKeyPem,
    label: row.label,
    kitId: row.kitId,
    incidentId: row.incidentId,
    platform: row.platform,
    issuedTo: row.issuedTo,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Every key the organisation knows as a signer: the installation's, its kits', and added ones. */
export async function listSignerKeys(
  deps: AppDeps,
  db: Pick<Db, "select">,
  actor: Actor,
): Promise<TSignerKey[]> {
  const rows = await db
    .select()
    .from(evidenceSignerKeys)
    .where(eq(evidenceSignerKeys.organisationId, actor.organisationId))
    .orderBy(asc(evidenceSignerKeys.createdAt));
  return [...installationKeys(deps), ...rows.map(presentKey)];
}

/** Names the signer of a bundle from the known keys; unknown when none matches. */
export function identifySigner(keys: readonly TSignerKey[], fingerprint: string): TEvidenceSigner {
  const key = keys.find((k) => k.fingerprint === fingerprint);
  return {
    status: key?.kind ?? "unknown",
    fingerprint,
    label: key?.label ?? null,
    kitId: key?.kitId ?? null,
    issuedTo: key?.issuedTo ?? null,
    issuedAt: key?.kind === "kit" ? key.createdAt : null,
  };
}

/** A person adds a known signer (an Ed25519 public key in PEM); the same key twice is a conflict. */
export async function addSignerKey(
  deps: AppDeps,
  ctx: Ctx,
  label: string,
  publicKeyPem: string,
): Promise<TSignerKey> {
  let fingerprint: string;
  try {
    if (createPublicKey(publicKeyPem).asymmetricKeyType !== "ed25519") throw new Error("not ed25519");
    fingerprint = fingerprintPublicKey(publicKeyPem);
  } catch {
    throw new AppError("VALIDATION", {
      field: "publicKeyPem",
      detail: {
        ja: "Ed25519 公開鍵 (PEM) として読み取れません",
        en: "Not readable as an Ed25519 public key (PEM)",
      },
    });
  }
  const known = await listSignerKeys(deps, deps.db, ctx.actor);
  if (known.some((k) => k.fingerprint === fingerprint)) {
    throw new AppError("CONFLICT", {
      detail: { ja: "この鍵は既に登録されています", en: "This key is already known" },
    });
  }
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(evidenceSignerKeys)
      .values({
        organisationId: ctx.actor.organisationId,
        kind: "person",
        fingerprint,
        publicKeyPem: publicKeyPem.trim() + "\n",
        label,
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, ctx, { type: "evidence.signer_key_added", fingerprint, label });
    return presentKey(row);
  });
}

/** Removes a key a person added (kit keys stay: they record who was issued what). */
export async function removeSignerKey(deps: AppDeps, ctx: Ctx, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(evidenceSignerKeys)
      .where(
        and(
          eq(evidenceSignerKeys.id, id),
          eq(evidenceSignerKeys.organisationId, ctx.actor.organisationId),
          eq(evidenceSignerKeys.kind, "person"),
        ),
      )
      .returning();
    if (!row) throw new AppError("NOT_FOUND");
    await recordAudit(tx, ctx, {
      type: "evidence.signer_key_removed",
      fingerprint: row.fingerprint,
      label: row.label,
    });
  });
}
