import { judgeContactVerification, type ReadinessFacts, type TBackupSet, type TLogSource } from "@sonae/core";
import { backupSets, contacts, type Db, devices, logSources, networkDiagrams } from "@sonae/db";
import { type KevCatalog, type KevRanges, loadShippedKevRanges } from "@sonae/kev";
import { eq } from "drizzle-orm";
import { findDevicesWithKevMatches } from "../devices/devices.service";

type Reader = Pick<Db, "select">;

/** What the assessment needs from outside the database; routes build it from the server's config. */
export type ReadinessEnv = {
  /** The KEV catalogue devices are matched against; without it the KEV item stays unknown (manual). */
  kevCatalog?: () => KevCatalog;
  /** NVD affected-version data behind the verdicts; the shipped data when not given. */
  kevRanges?: () => KevRanges;
};

/** The ranges of the environment, or the shipped ones. */
export const rangesOf = (env: ReadinessEnv): KevRanges => env.kevRanges?.() ?? loadShippedKevRanges();

/** Device types that give remote access to the network (MFA item). */
const REMOTE_ACCESS_TYPES = new Set(["vpn", "rdp_gateway", "remote_access"]);

export type DeviceKevSummary = {
  id: string;
  name: string;
  /** Affected + unknown entries (never the not-affected ones). */
  matches: number;
  affected: number;
  unknown: number;
  ransomwareUse: number;
  /** Affected CVEs first, then unknown ones. */
  cves: string[];
};

/**
 * Devices of the organisation with affected or unknown KEV entries, by the device register's own rule,
 * worst first: affected entries, then ransomware use, then unknown entries.
 */
export async function findKevMatchedDevices(
  db: Reader,
  organisationId: string,
  catalog: KevCatalog,
  ranges: KevRanges,
): Promise<DeviceKevSummary[]> {
  const found = await findDevicesWithKevMatches(db, organisationId, catalog, ranges);
  return found
    .map(({ device, matches }) => ({
      id: device.id,
      name: device.name,
      matches: matches.length,
      affected: matches.filter((m) => m.versionVerdict === "affected").length,
      unknown: matches.filter((m) => m.versionVerdict === "version-unknown").length,
      ransomwareUse: matches.filter((m) => m.knownRansomwareCampaignUse === "Known").length,
      cves: matches.map((m) => m.cveID),
    }))
    .sort(
      (a, b) =>
        b.affected - a.affected ||
        b.ransomwareUse - a.ransomwareUse ||
        b.unknown - a.unknown ||
        a.name.localeCompare(b.name),
    );
}

/**
 * Contacts that need re-verification (never verified, or more than 12 months ago), judged by the
 * contact register's own rule (`judgeContactVerification`).
 */
export async function findContactsNeedingVerification(db: Reader, organisationId: string, today: string) {
  const rows = await db
    .select({
      id: contacts.id,
      name: contacts.name,
      category: contacts.category,
      verifiedAt: contacts.verifiedAt,
    })
    .from(contacts)
    .where(eq(contacts.organisationId, organisationId));
  return {
    all: rows,
    stale: rows.filter((r) => judgeContactVerification(r.verifiedAt, today) !== "current"),
  };
}

/** Device and entry counts by verdict, for the KEV item of the checklist. */
async function kevFacts(db: Reader, organisationId: string, catalog: KevCatalog, ranges: KevRanges) {
  const devices = await findKevMatchedDevices(db, organisationId, catalog, ranges);
  return {
    affectedDevices: devices.filter((d) => d.affected > 0).length,
    affectedEntries: devices.reduce((sum, d) => sum + d.affected, 0),
    unknownOnlyDevices: devices.filter((d) => d.affected === 0 && d.unknown > 0).length,
    unknownEntries: devices.reduce((sum, d) => sum + d.unknown, 0),
  };
}

/** Reads every register of the organisation into the facts the checklist is derived from. */
export async function gatherReadinessFacts(
  db: Reader,
  organisationId: string,
  today: string,
  env: ReadinessEnv = {},
): Promise<ReadinessFacts> {
  // Sequential on purpose: inside a transaction every query shares one connection (pg forbids overlap).
  const backupRows = await db.select().from(backupSets).where(eq(backupSets.organisationId, organisationId));
  const logRows = await db.select().from(logSources).where(eq(logSources.organisationId, organisationId));
  const deviceRows = await db
    .select({ type: devices.type, mfaEnabled: devices.mfaEnabled })
    .from(devices)
    .where(eq(devices.organisationId, organisationId));
  const contactFacts = await findContactsNeedingVerification(db, organisationId, today);
  const diagram = await db
    .select({ document: networkDiagrams.document })
    .from(networkDiagrams)
    .where(eq(networkDiagrams.organisationId, organisationId));
  const remote = deviceRows.filter((d) => REMOTE_ACCESS_TYPES.has(d.type));
  const catalog = env.kevCatalog?.();
  const police = contactFacts.all.filter((c) => c.category === "police_desk");
  const staleIds = new Set(contactFacts.stale.map((c) => c.id));
  const doc = diagram[0]?.document as { nodes?: unknown[]; edges?: unknown[] } | undefined;
  return {
    today,
    backups: backupRows.map((r) => ({
      media: r.media as TBackupSet["media"],
      connectivity: r.connectivity as TBackupSet["connectivity"],
      lastSuccessAt: r.lastSuccessAt,
      lastRestoreTestAt: r.lastRestoreTestAt,
      lastRestoreTestResult: r.lastRestoreTestResult as TBackupSet["lastRestoreTestResult"],
    })),
    logs: logRows.map((r) => ({
      kind: r.kind as TLogSource["kind"],
      retentionDays: r.retentionDays,
      storage: r.storage as TLogSource["storage"],
      protectedFromDeletion: r.protectedFromDeletion,
      clockSynchronised: r.clockSynchronised,
    })),
    devices: {
      total: deviceRows.length,
      remoteAccess: remote.length,
      remoteAccessWithMfa: remote.filter((d) => d.mfaEnabled === true).length,
      kev: catalog ? await kevFacts(db, organisationId, catalog, rangesOf(env)) : null,
    },
    contacts: {
      policeDesk: police.length,
      policeDeskVerifiedWithin12Months: police.filter((c) => !staleIds.has(c.id)).length,
      stale: contactFacts.stale.length,
      total: contactFacts.all.length,
    },
    network: { nodes: doc?.nodes?.length ?? 0, edges: doc?.edges?.length ?? 0 },
  };
}
