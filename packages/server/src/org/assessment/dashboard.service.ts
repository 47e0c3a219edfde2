import { checkBackupRegister, checkLogRegister, type TReadinessDashboard, todayInJapan } from "@sonae/core";
import { type Db, devices } from "@sonae/db";
import { eq } from "drizzle-orm";
import { getBackupRegister } from "../backups/backups.service";
import { getLogRegister } from "../log-sources/log-sources.service";
import { findSnapshots } from "./assessment.service";
import {
  findContactsNeedingVerification,
  findKevMatchedDevices,
  type ReadinessEnv,
  rangesOf,
} from "./assessment-facts.repo";
import { computeAssessment } from "./assessment-snapshot.service";

const TOP_GAPS = 5;

/** Everything the dashboard shows about readiness, from the same functions the register pages use. */
export async function getReadinessDashboard(
  db: Db,
  organisationId: string,
  env: ReadinessEnv = {},
): Promise<TReadinessDashboard> {
  const today = todayInJapan();
  const catalog = env.kevCatalog?.();
  const [assessment, history, backups, logs, contacts, kevDevices, deviceRows] = await Promise.all([
    computeAssessment(db, organisationId, env, today),
    findSnapshots(db, organisationId),
    getBackupRegister(db, organisationId, today),
    getLogRegister(db, organisationId),
    findContactsNeedingVerification(db, organisationId, today),
    catalog ? findKevMatchedDevices(db, organisationId, catalog, rangesOf(env)) : Promise.resolve([]),
    db.select({ id: devices.id }).from(devices).where(eq(devices.organisationId, organisationId)),
  ]);
  const deviceCount = deviceRows.length;
  return {
    score: assessment.score,
    answered: assessment.answered,
    applicable: assessment.applicable,
    history,
    topGaps: assessment.gaps.slice(0, TOP_GAPS),
    kev: {
      catalog: catalog ? { version: catalog.catalogVersion, dateReleased: catalog.dateReleased } : null,
      devices: kevDevices,
      checkedDevices: catalog ? deviceCount : 0,
    },
    contactCount: contacts.all.length,
    staleContacts: contacts.stale.map((c) => ({
      id: c.id,
      name: c.name,
      category: c.category,
      verifiedAt: c.verifiedAt,
    })),
    backups: {
      count: backups.backupSets.length,
      findings: backups.backupSets.length ? checkBackupRegister(backups.backupSets, today) : [],
      setsWithWarnings: backups.backupSets.filter((s) => s.warnings.length > 0).length,
    },
    logs: {
      count: logs.logSources.length,
      findings: logs.logSources.length ? checkLogRegister(logs.logSources) : [],
      sourcesWithWarnings: logs.logSources.filter((s) => s.warnings.length > 0).length,
    },
  };
}
