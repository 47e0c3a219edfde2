import { contacts, type Db, devices, logSources, networkDiagrams, organisations } from "@sonae/db";
import { and, eq } from "drizzle-orm";

type Reader = Pick<Db, "select">;

/**
 * Small read-only views of the readiness registers (owned by the readiness area). Kept here so the
 * incident module depends only on the table shapes, not on another module's services.
 */
export async function findPoliceDesks(db: Reader, organisationId: string) {
  return db
    .select()
    .from(contacts)
    .where(and(eq(contacts.organisationId, organisationId), eq(contacts.category, "police_desk")));
}

export async function findInsurers(db: Reader, organisationId: string) {
  return db
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.organisationId, organisationId),
        eq(contacts.category, "external"),
        eq(contacts.role, "insurer"),
      ),
    );
}

export async function findDevices(db: Reader, organisationId: string) {
  return db.select().from(devices).where(eq(devices.organisationId, organisationId));
}

/** Devices or log sources whose logs live only in memory: a power-off erases them. */
export async function findMemoryLogNames(db: Reader, organisationId: string): Promise<string[]> {
  const [devs, sources] = await Promise.all([
    db
      .select({ name: devices.name })
      .from(devices)
      .where(and(eq(devices.organisationId, organisationId), eq(devices.logLocation, "memory"))),
    db
      .select({ name: logSources.name })
      .from(logSources)
      .where(and(eq(logSources.organisationId, organisationId), eq(logSources.storage, "device_memory"))),
  ]);
  return [...new Set([...devs, ...sources].map((r) => r.name))];
}

export async function findNetworkDiagram(db: Reader, organisationId: string) {
  const [row] = await db
    .select()
    .from(networkDiagrams)
    .where(eq(networkDiagrams.organisationId, organisationId))
    .limit(1);
  return row ?? null;
}

export async function findOrganisation(db: Reader, organisationId: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, organisationId)).limit(1);
  return row ?? null;
}
