import type { TCustodyEntryView } from "@sonae/core";
import { type Db, evidenceBundles, evidenceCustody } from "@sonae/db";
import { appendCustodyEntry, type CustodyEntry, verifyCustodyChain } from "@sonae/evidence";
import { asc, desc, eq } from "drizzle-orm";
import type { Actor } from "../../platform/http/request-context";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type BundleRow = typeof evidenceBundles.$inferSelect;

/**
 * How a person appears in the custody chain: stable id plus a readable name. A kit uploading its own
 * bundle is named first (it collected and sent the bytes), with the person who issued it.
 */
export function custodyActor(actor: Actor & { kit?: { kitId: string; issuedTo: string | null } }): string {
  const user = `user:${actor.userId} ${actor.displayName} <${actor.email}>`;
  if (!actor.kit) return user;
  return `kit:${actor.kit.kitId}${actor.kit.issuedTo ? ` (${actor.kit.issuedTo})` : ""} issued by ${user}`;
}

/** The bundle's own custody entries (custody.jsonl), kept from verification at upload. */
export function bundleCustody(row: BundleRow): CustodyEntry[] {
  return ((row.verification as { custody?: CustodyEntry[] }).custody ?? []) as CustodyEntry[];
}

/**
 * Appends one server custody row continuing the chain. The bundle row is locked first (FOR UPDATE)
 * so two concurrent accesses cannot both take the same sequence number.
 */
export async function appendServerCustody(
  tx: Tx,
  row: BundleRow,
  actor: Actor,
  action: string,
  details: Record<string, unknown>,
): Promise<CustodyEntry> {
  await tx
    .select({ id: evidenceBundles.id })
    .from(evidenceBundles)
    .where(eq(evidenceBundles.id, row.id))
    .for("update");
  const [last] = await tx
    .select()
    .from(evidenceCustody)
    .where(eq(evidenceCustody.bundleId, row.id))
    .orderBy(desc(evidenceCustody.seq))
    .limit(1);
  const prev: CustodyEntry | undefined = last ? toEntry(last) : bundleCustody(row).at(-1);
  if (!prev) throw new Error("a stored bundle always has a custody head");
  const entry = appendCustodyEntry(prev, {
    at: new Date().toISOString(),
    actor: custodyActor(actor),
    action,
    details,
  });
  await tx.insert(evidenceCustody).values({ organisationId: row.organisationId, bundleId: row.id, ...entry });
  return entry;
}

function toEntry(r: typeof evidenceCustody.$inferSelect): CustodyEntry {
  return {
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    details: r.details,
    prevHash: r.prevHash,
    hash: r.hash,
  };
}

/**
 * The whole chain (bundle entries, then server rows) and its check: every hash and link, and the
 * bundle part must end at the head the signed manifest names.
 */
export async function loadCustodyChain(db: Pick<Db, "select">, row: BundleRow) {
  const serverRows = await db
    .select()
    .from(evidenceCustody)
    .where(eq(evidenceCustody.bundleId, row.id))
    .orderBy(asc(evidenceCustody.seq));
  const own = bundleCustody(row);
  const server = serverRows.map(toEntry);
  const failures = [
    ...verifyCustodyChain(own, { expectedHeadHash: row.bundleCustodyHeadHash }),
    ...verifyCustodyChain([...own, ...server]).filter((f) => f.index >= own.length),
  ];
  const custody: TCustodyEntryView[] = [
    ...own.map((e) => ({ ...e, origin: "bundle" as const })),
    ...server.map((e) => ({ ...e, origin: "server" as const })),
  ];
  return { custody, failures };
}
