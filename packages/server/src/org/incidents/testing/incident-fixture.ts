import { readFileSync } from "node:fs";
import path from "node:path";
import { contacts, type Db, devices, logSources, networkDiagrams } from "@sonae/db";

/** Repository root → shared data (../shared/data next to the checkout). */
export const SHARED_DATA = path.resolve(import.meta.dirname, "../../../../../../../shared/data");

/** A real ransom note (ThreatLabz collection, MIT): e-mails, a jabber id and an onion URL. */
export function readCubaNote(): string {
  return readFileSync(path.join(SHARED_DATA, "ransomware/notes/cuba/cuba.txt"), "utf8");
}

/**
 * Readiness records the police package draws on: a verified police desk, a liaison, an insurer, a
 * FortiGate VPN (FortiOS is in the CISA KEV catalogue) whose logs live in memory, and a diagram.
 * Phone numbers are fictitious (the 0120-000-xxx range is not assigned to a real desk here).
 */
export async function seedReadiness(db: Db, organisationId: string): Promise<void> {
  await db.insert(contacts).values([
    {
      organisationId,
      category: "police_desk",
      role: "cyber_desk",
      name: "警視庁 サイバー犯罪対策課 相談窓口",
      phone: "03-0000-0000",
      verifiedAt: "2026-10-01",
    },
    {
      organisationId,
      category: "team",
      role: "liaison",
      name: "連絡 花子",
      affiliation: "総務部",
      phone: "090-0000-0001",
      outOfHoursPhone: "090-0000-0002",
      email: "liaison@example.jp",
    },
    {
      organisationId,
      category: "external",
      role: "insurer",
      name: "備え損害保険",
      hotline: "0120-000-000",
      policyNumber: "CY-123",
    },
  ]);
  const [vpn] = await db
    .insert(devices)
    .values({
      organisationId,
      name: "本社VPN",
      type: "vpn",
      vendor: "Fortinet",
      product: "FortiGate 60F",
      version: "6.4.0",
      usage: "リモートアクセスVPN",
      logLocation: "memory",
      pendingUpdates: "FortiOS 7.2.x",
    })
    .returning();
  await db.insert(logSources).values({
    organisationId,
    name: "VPN 接続ログ",
    kind: "vpn",
    deviceId: vpn!.id,
    storage: "device_memory",
  });
  await db.insert(networkDiagrams).values({
    organisationId,
    // The readiness area's document shape (core ZNetworkDiagramDocument, version 1).
    document: {
      version: 1,
      nodes: [
        { id: "inet", type: "internet", label: "インターネット", deviceId: null, position: { x: 0, y: 0 } },
        { id: "vpn", type: "device", label: "本社VPN", deviceId: vpn!.id, position: { x: 0, y: 100 } },
        { id: "fs", type: "device", label: "ファイルサーバ", deviceId: null, position: { x: 0, y: 200 } },
      ],
      edges: [
        { id: "e1", source: "inet", target: "vpn", label: "" },
        { id: "e2", source: "vpn", target: "fs", label: "社内LAN" },
      ],
    },
  });
}
