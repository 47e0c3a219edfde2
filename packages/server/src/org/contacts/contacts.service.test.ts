import { testBackends } from "@sonae/db/testing";
import { loadShippedKevCatalog, loadShippedKevRanges } from "@sonae/kev";
import { describe, expect, it } from "vitest";
import { createTestActor } from "../../testing/factories";
import { createDevice, findDevicesWithKevMatches, getDevice } from "../devices/devices.service";
import { createContact, findStaleContacts } from "./contacts.service";

describe.each(testBackends())("readiness registers on $name", (backend) => {
  it("finds stale contacts and KEV-matched devices of one organisation only", async () => {
    const handle = await backend.open();
    try {
      const ctx = await createTestActor(handle.db);
      const other = await createTestActor(handle.db);
      await createContact(handle.db, ctx, {
        category: "team",
        role: "responsible",
        name: "責任者 山田",
        affiliation: null,
        phone: "090-0000-0000",
        outOfHoursPhone: "090-0000-0001",
        email: null,
        url: null,
        policyNumber: null,
        hotline: null,
        notes: null,
        verifiedAt: "2025-03-31",
      });
      expect((await findStaleContacts(handle.db, ctx.actor.organisationId, "2026-03-31")).length).toBe(0);
      const stale = await findStaleContacts(handle.db, ctx.actor.organisationId, "2026-04-01");
      expect(stale.map((c) => c.verification)).toEqual(["stale"]);
      expect(await findStaleContacts(handle.db, other.actor.organisationId, "2026-04-01")).toEqual([]);

      const base = {
        usage: null,
        location: null,
        owner: null,
        publicAddress: null,
        mfaEnabled: null,
        lastPatchedAt: null,
        pendingUpdates: null,
        endOfSupport: null,
        logLocation: null,
        notes: null,
      };
      const vpn = await createDevice(handle.db, ctx, {
        ...base,
        name: "VPN",
        type: "vpn",
        vendor: "Fortinet",
        product: "FortiOS SSL-VPN",
        version: null,
      });
      await createDevice(handle.db, ctx, {
        ...base,
        name: "NAS",
        type: "nas",
        vendor: "Nowhere Storage",
        product: "Box 1",
        version: "1",
      });
      const catalog = loadShippedKevCatalog();
      const ranges = loadShippedKevRanges();
      const matched = await findDevicesWithKevMatches(handle.db, ctx.actor.organisationId, catalog, ranges);
      expect(matched.map((d) => d.device.id)).toEqual([vpn.id]);
      expect(matched[0]!.matches.some((m) => m.cveID === "CVE-2018-13379")).toBe(true);
      expect(await findDevicesWithKevMatches(handle.db, other.actor.organisationId, catalog, ranges)).toEqual(
        [],
      );
      await expect(getDevice(handle.db, other.actor.organisationId, vpn.id)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    } finally {
      await handle.close();
    }
  });
});
