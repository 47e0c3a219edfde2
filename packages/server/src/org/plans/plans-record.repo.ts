import { backupSets, businessFunctions, contacts, type Db, devices, organisations } from "@sonae/db";
import { asc, eq } from "drizzle-orm";

/** A database or an open transaction: record reads work inside the generate transaction too. */
export type DbOrTx = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Reads the organisation's record that plans are generated from. The readiness tables are owned by
 * the readiness area; these small reads keep the plans area independent of its services.
 * Every query filters by the organisation: nothing of another tenant can reach a plan.
 */
export async function findPlanRecord(db: DbOrTx, organisationId: string) {
  const [organisation] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .limit(1);
  // Sequential on purpose: inside a transaction the queries share one connection.
  const contactRows = await db
    .select()
    .from(contacts)
    .where(eq(contacts.organisationId, organisationId))
    .orderBy(asc(contacts.createdAt), asc(contacts.id));
  const deviceRows = await db
    .select()
    .from(devices)
    .where(eq(devices.organisationId, organisationId))
    .orderBy(asc(devices.createdAt), asc(devices.id));
  const backupRows = await db
    .select()
    .from(backupSets)
    .where(eq(backupSets.organisationId, organisationId))
    .orderBy(asc(backupSets.createdAt), asc(backupSets.id));
  const functionRows = await db
    .select()
    .from(businessFunctions)
    .where(eq(businessFunctions.organisationId, organisationId))
    .orderBy(asc(businessFunctions.priority), asc(businessFunctions.name));
  return {
    organisation,
    contacts: contactRows,
    devices: deviceRows,
    backups: backupRows,
    businessFunctions: functionRows,
  };
}

export type TPlanRecord = Awaited<ReturnType<typeof findPlanRecord>>;
