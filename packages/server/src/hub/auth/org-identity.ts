import type { THubIdentity } from "@sonae/core";
import { type Db, hubOrgKeys, orgNameNorm } from "@sonae/db";
import { inArray, sql } from "drizzle-orm";
import type { SealedPayload } from "../intake/report-store";

/** What the queue and the case need to know about the key that signed a report. */
export type KeyFacts = {
  status: "pending" | "active" | "revoked";
  fingerprint: string;
  orgName: string;
  /** Another, earlier key (not revoked) already uses the same organisation name. */
  nameClaimedEarlier: boolean;
};

/**
 * The keys of some reports in one query, each with whether an earlier non-revoked key claimed the
 * same (normalised) organisation name: a never-seen key using an existing company's name.
 */
export async function loadKeyFacts(
  db: Pick<Db, "select">,
  keyIds: readonly (string | null)[],
): Promise<Map<string, KeyFacts>> {
  const ids = [...new Set(keyIds.filter((k): k is string => k !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: hubOrgKeys.id,
      status: hubOrgKeys.status,
      fingerprint: hubOrgKeys.fingerprint,
      orgName: hubOrgKeys.orgName,
      // Written with explicit table names: inside the subquery an unqualified column would bind to "other".
      nameClaimedEarlier: sql<boolean>`EXISTS (
        SELECT 1 FROM hub_org_keys AS other
        WHERE ${orgNameNorm(sql`other.org_name`)} = ${orgNameNorm(sql`hub_org_keys.org_name`)}
          AND other.id <> hub_org_keys.id
          AND other.status <> 'revoked'
          AND other.registered_at < hub_org_keys.registered_at)`,
    })
    .from(hubOrgKeys)
    .where(inArray(hubOrgKeys.id, ids));
  return new Map(rows.map((r) => [r.id, { ...r, nameClaimedEarlier: Boolean(r.nameClaimedEarlier) }]));
}

/** Names compared as a person would: Unicode NFKC (full-width = half-width), case and spaces ignored. */
export function sameOrgName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  return norm(a) === norm(b);
}

/** The organisation name inside the sealed report package, if the report is an organisation's. */
function packageOrgName(sealed: SealedPayload): string | null {
  const name = (sealed.body as { package?: { organisation?: { name?: unknown } } } | null)?.package
    ?.organisation?.name;
  return typeof name === "string" ? name : null;
}

/** The identity facts and warnings of one report (public reports have none). */
export function identityOf(
  row: { source: "organisation" | "public"; orgKeyId: string | null },
  sealed: SealedPayload,
  key: KeyFacts | undefined,
): THubIdentity {
  if (row.source !== "organisation")
    return { keyStatus: null, keyFingerprint: null, signedOrgName: null, packageOrgName: null, warnings: [] };
  const inPackage = packageOrgName(sealed);
  const warnings: THubIdentity["warnings"] = [];
  if (!key || key.status === "pending") warnings.push("unconfirmed_key");
  if (key?.status === "revoked") warnings.push("revoked_key");
  if (inPackage !== null && !sameOrgName(sealed.reporterName, inPackage)) warnings.push("name_mismatch");
  if (key?.nameClaimedEarlier && key.status !== "active") warnings.push("name_claimed_by_other_key");
  return {
    keyStatus: key?.status ?? null,
    keyFingerprint: key?.fingerprint ?? null,
    signedOrgName: sealed.reporterName,
    packageOrgName: inPackage,
    warnings,
  };
}
