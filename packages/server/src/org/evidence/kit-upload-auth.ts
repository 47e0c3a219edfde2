import { KIT_UPLOAD_CLOCK_SKEW_MS, KIT_UPLOAD_HEADERS, verifyKitUpload } from "@sonae/collector";
import { AppError } from "@sonae/core";
import { type Db, evidenceSignerKeys, organisations, users } from "@sonae/db";
import { and, eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { AppDeps } from "../../app-deps";
import { recordAudit } from "../../platform/audit/audit.service";
import type { Actor, RequestContext } from "../../platform/http/request-context";
import { assertIncidentTeam } from "../incidents/incident-access";

export type KitKeyRow = typeof evidenceSignerKeys.$inferSelect;
/** A kit acting for the person who issued it: custody names the kit as the collector. */
export type KitActor = Actor & { kit: { kitId: string; issuedTo: string | null } };

const refused = (ja: string, en: string) => new AppError("UNAUTHENTICATED", { detail: { ja, en } });

/**
 * Checks a kit upload request: a kit key this server issued, a fresh timestamp, and an Ed25519
 * signature over method, path (with query), offset, chunk SHA-256 and timestamp. Returns the key row.
 */
export async function authenticateKitRequest(
  deps: AppDeps,
  request: FastifyRequest,
  offset: number,
  chunkSha256: string,
): Promise<KitKeyRow> {
  const header = (name: string) => {
    const value = request.headers[name];
    return typeof value === "string" ? value : "";
  };
  const fingerprint = header(KIT_UPLOAD_HEADERS.key);
  const timestamp = header(KIT_UPLOAD_HEADERS.timestamp);
  const signature = header(KIT_UPLOAD_HEADERS.signature);
  if (!fingerprint || !timestamp || !signature)
    throw refused("キットの署名がありません", "The request carries no kit signature");
  const at = Date.parse(timestamp);
  if (!Number.isFinite(at) || Math.abs(Date.now() - at) > KIT_UPLOAD_CLOCK_SKEW_MS)
    throw refused(
      "要求の時刻がサーバーの時刻と大きく異なります (機器の時計を確認してください)",
      "The request time is too far from the server's clock (check the machine's clock)",
    );
  const [key] = await deps.db
    .select()
    .from(evidenceSignerKeys)
    .where(and(eq(evidenceSignerKeys.fingerprint, fingerprint), eq(evidenceSignerKeys.kind, "kit")))
    .limit(1);
  if (!key) throw refused("このサーバーが発行したキットではありません", "Not a kit issued by this server");
  const parts = { method: request.method, path: request.url, offset, chunkSha256, timestamp };
  if (!verifyKitUpload(key.publicKeyPem, parts, signature)) {
    await auditRefusal(deps, request, key, key.incidentId ?? "", "bad_signature");
    throw refused("キットの署名が正しくありません", "The kit signature is not valid");
  }
  return key;
}

/**
 * The kit may upload only to the incident it was issued for, in its own organisation, and acts for
 * the person who issued it (who must still be allowed to add evidence to the incident).
 */
export async function kitActorFor(
  deps: AppDeps,
  request: FastifyRequest,
  key: KitKeyRow,
  incidentId: string,
): Promise<KitActor> {
  if (key.incidentId !== incidentId) {
    await auditRefusal(deps, request, key, incidentId, "other_incident");
    throw new AppError("FORBIDDEN", {
      detail: {
        ja: "このキットは別のインシデント用に発行されました",
        en: "This kit was issued for another incident",
      },
    });
  }
  const [issuer] = key.createdBy
    ? await deps.db
        .select({ user: users, organisationName: organisations.name })
        .from(users)
        .innerJoin(organisations, eq(organisations.id, users.organisationId))
        .where(and(eq(users.id, key.createdBy), eq(users.organisationId, key.organisationId)))
        .limit(1)
    : [];
  if (!issuer)
    throw new AppError("FORBIDDEN", {
      detail: {
        ja: "このキットは利用者アカウントなしで発行されたため直接アップロードできません。証拠ページからアップロードしてください",
        en: "This kit was issued without a user account and cannot upload itself: upload the bundle on the evidence page",
      },
    });
  const actor: KitActor = {
    userId: issuer.user.id,
    organisationId: issuer.user.organisationId,
    role: issuer.user.role,
    email: issuer.user.email,
    displayName: issuer.user.displayName,
    organisationName: issuer.organisationName,
    kit: { kitId: key.kitId ?? key.fingerprint, issuedTo: key.issuedTo },
  };
  await assertIncidentTeam(deps.db, actor, "record.write");
  return actor;
}

export function kitContext(request: FastifyRequest, actor: KitActor): RequestContext & { actor: KitActor } {
  return {
    actor,
    ip: request.ip ?? null,
    userAgent: (request.headers["user-agent"] ?? "").slice(0, 500) || null,
  };
}

async function auditRefusal(
  deps: AppDeps,
  request: FastifyRequest,
  key: KitKeyRow,
  incidentId: string,
  reason: string,
): Promise<void> {
  await recordAudit(
    deps.db as Pick<Db, "insert">,
    { actor: null, ip: request.ip ?? null, userAgent: null },
    { type: "evidence.kit_upload_refused", incidentId, kitId: key.kitId ?? key.fingerprint, reason },
    key.organisationId,
  );
}
