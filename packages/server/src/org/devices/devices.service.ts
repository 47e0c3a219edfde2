import { AppError, type TDeviceInput } from "@sonae/core";
import { type Db, devices } from "@sonae/db";
import {
  type KevCatalog,
  type KevMatch,
  type KevRanges,
  loadShippedAliasTable,
  matchDevice,
} from "@sonae/kev";
import { and, asc, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import { fieldChanges } from "../../platform/audit/field-changes";
import { actorOf, type RequestContext } from "../../platform/http/request-context";
import { type DeviceRow, toKevDevice } from "./devices.present";

/** Every device of the organisation, by name. */
export async function findDevices(db: Pick<Db, "select">, organisationId: string): Promise<DeviceRow[]> {
  return db
    .select()
    .from(devices)
    .where(eq(devices.organisationId, organisationId))
    .orderBy(asc(devices.name), asc(devices.createdAt));
}

/** One device of the organisation, or NOT_FOUND (also for another organisation's device). */
export async function getDevice(
  db: Pick<Db, "select">,
  organisationId: string,
  id: string,
): Promise<DeviceRow> {
  const [row] = await db
    .select()
    .from(devices)
    .where(and(eq(devices.id, id), eq(devices.organisationId, organisationId)))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

// Matching costs about 2 ms per device (bench/devices-register.bench.ts); lists are read far more often than
// devices change, so results are kept per catalogue object (a new catalogue starts afresh) and device description.
const matchMemo = new WeakMap<KevCatalog, WeakMap<KevRanges, Map<string, KevMatch[]>>>();
const MEMO_LIMIT = 20_000;

/**
 * The KEV entries that apply to one device, each with its verdict from NVD's ranges (affected, unknown,
 * not affected) and the basis: affected first. Pass the server's `getKevRanges(dataDir)`.
 */
export function matchDeviceRow(row: DeviceRow, catalog: KevCatalog, ranges: KevRanges): KevMatch[] {
  let byRanges = matchMemo.get(catalog);
  if (!byRanges) {
    byRanges = new WeakMap();
    matchMemo.set(catalog, byRanges);
  }
  let memo = byRanges.get(ranges);
  if (!memo) {
    memo = new Map();
    byRanges.set(ranges, memo);
  }
  const key = JSON.stringify([row.vendor, row.product, row.version, row.type]);
  const cached = memo.get(key);
  if (cached) return cached;
  const matches = matchDevice(toKevDevice(row), catalog, loadShippedAliasTable(), ranges).matches;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, matches);
  return matches;
}

/**
 * Devices of the organisation with at least one affected or unknown KEV entry, with those entries (never the
 * not-affected ones). For the dashboard and the readiness assessment; pass the server's cached catalogue and
 * ranges (`getKevCatalog(config.dataDir)`, `getKevRanges(config.dataDir)`).
 */
export async function findDevicesWithKevMatches(
  db: Pick<Db, "select">,
  organisationId: string,
  catalog: KevCatalog,
  ranges: KevRanges,
): Promise<Array<{ device: DeviceRow; matches: KevMatch[] }>> {
  const rows = await findDevices(db, organisationId);
  return rows
    .map((device) => ({
      device,
      matches: matchDeviceRow(device, catalog, ranges).filter(
        (m) => m.versionVerdict !== "not-affected-by-version",
      ),
    }))
    .filter((d) => d.matches.length > 0);
}

/** Records a device and its audit event in one transaction. */
export async function createDevice(db: Db, ctx: RequestContext, input: TDeviceInput): Promise<DeviceRow> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(devices)
      .values({ ...input, organisationId: actor.organisationId })
      .returning();
    await recordAudit(tx, ctx, { type: "device.created", deviceId: row!.id, name: row!.name });
    return row!;
  });
}

/** Replaces a device's fields; the audit event lists what changed, from what to what. */
export async function updateDevice(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: TDeviceInput,
): Promise<DeviceRow> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const before = await getDevice(tx, actor.organisationId, id);
    const [after] = await tx
      .update(devices)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(devices.id, id), eq(devices.organisationId, actor.organisationId)))
      .returning();
    const changes = fieldChanges(before, input);
    await recordAudit(tx, ctx, { type: "device.updated", deviceId: id, changes });
    return after!;
  });
}

/** Deletes a device (audited with its name). Log sources that pointed at it keep their row (FK set null). */
export async function deleteDevice(db: Db, ctx: RequestContext, id: string): Promise<void> {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const before = await getDevice(tx, actor.organisationId, id);
    await tx.delete(devices).where(and(eq(devices.id, id), eq(devices.organisationId, actor.organisationId)));
    await recordAudit(tx, ctx, { type: "device.deleted", deviceId: id, name: before.name });
  });
}
