import type { TRegistersSummary } from "@sonae/core";
import type { Db } from "@sonae/db";
import type { KevCatalog, KevRanges } from "@sonae/kev";
import { findContacts, findStaleContacts } from "../contacts/contacts.service";
import { summariseKevCatalog } from "../kev/kev-catalog.cache";
import { findDevices, findDevicesWithKevMatches } from "./devices.service";

/** Figures for the dashboard (issue 3, item 8): devices with affected / unknown KEV entries, stale contacts, and what is missing. */
export async function summariseRegisters(
  db: Db,
  organisationId: string,
  catalog: KevCatalog,
  ranges: KevRanges,
  today: string,
): Promise<TRegistersSummary> {
  const [devices, matched, contacts, stale] = await Promise.all([
    findDevices(db, organisationId),
    findDevicesWithKevMatches(db, organisationId, catalog, ranges),
    findContacts(db, organisationId),
    findStaleContacts(db, organisationId, today),
  ]);
  return {
    devices: {
      total: devices.length,
      withKevMatches: matched.filter((d) => d.matches.some((m) => m.versionVerdict === "affected")).length,
      withKevUnknown: matched.filter((d) => d.matches.every((m) => m.versionVerdict === "version-unknown"))
        .length,
      withRansomwareKev: matched.filter((d) =>
        d.matches.some((m) => m.versionVerdict === "affected" && m.knownRansomwareCampaignUse === "Known"),
      ).length,
      withoutMfa: devices.filter((d) => d.mfaEnabled === false).length,
      logsInMemoryOnly: devices.filter((d) => d.logLocation === "memory").length,
      catalog: summariseKevCatalog(catalog, ranges),
    },
    contacts: {
      total: contacts.length,
      stale: stale.filter((c) => c.verification === "stale").length,
      unverified: stale.filter((c) => c.verification === "unverified").length,
      policeDeskRecorded: contacts.some((c) => c.category === "police_desk"),
    },
  };
}
