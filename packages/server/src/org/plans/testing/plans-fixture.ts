import { readFileSync } from "node:fs";
import path from "node:path";
import { backupSets, businessFunctions, contacts, type Db, devices } from "@sonae/db";

const SHARED_DATA = path.resolve(import.meta.dirname, "../../../../../../../shared/data");

/** The prefectural police of a JIS X 0401 code, from the shared data set (a real fact). */
export function readPrefecturalPolice(code: string): string {
  const rows = readFileSync(path.join(SHARED_DATA, "japan/prefectures.csv"), "utf8").trim().split("\n");
  const police = rows.map((l) => l.split(",")).find((cols) => cols[0] === code)?.[3];
  if (!police) throw new Error(`prefecture ${code} not in prefectures.csv`);
  return police;
}

/** Fictitious desk number (test only: the product never invents one). */
export const TEST_DESK_PHONE = "03-0000-0110";

/**
 * A filled-in record of a small manufacturer in Tokyo: a verified police desk, the team, an insurer,
 * a VPN device whose logs live in memory, two backup sets and three business functions.
 */
export async function seedPlanRecord(db: Db, organisationId: string) {
  const desk = `${readPrefecturalPolice("13")} サイバー犯罪相談窓口`;
  await db.insert(contacts).values([
    {
      organisationId,
      category: "police_desk",
      role: "police_desk",
      name: desk,
      phone: TEST_DESK_PHONE,
      url: "https://www.npa.go.jp/bureau/cyber/soudan.html",
      verifiedAt: "2026-10-01",
    },
    {
      organisationId,
      category: "team",
      role: "responsible",
      name: "山田 太郎",
      affiliation: "代表取締役",
      phone: "03-0000-0001",
      outOfHoursPhone: "090-0000-0001",
    },
    { organisationId, category: "team", role: "it", name: "鈴木 一郎", phone: "03-0000-0003" },
    { organisationId, category: "team", role: "pr", name: "電話なし 花子" },
    {
      organisationId,
      category: "external",
      role: "insurer",
      name: "事故受付",
      affiliation: "例示損害保険株式会社",
      phone: "03-0000-3000",
      hotline: "0120-000-000",
      policyNumber: "CY-2026-000123",
    },
  ]);
  await db.insert(devices).values({
    organisationId,
    name: "本社VPN装置",
    type: "vpn",
    vendor: "Fortinet",
    product: "FortiGate 60F",
    version: "7.2.8",
    logLocation: "memory",
  });
  await db.insert(backupSets).values([
    {
      organisationId,
      name: "基幹DB",
      protects: "販売管理システム",
      media: "tape",
      location: "本社金庫",
      connectivity: "offline",
      lastRestoreTestAt: "2026-06-15",
    },
    {
      organisationId,
      name: "ファイルサーバ",
      protects: "共有フォルダ",
      media: "nas",
      connectivity: "online",
    },
  ]);
  await db.insert(businessFunctions).values([
    { organisationId, name: "受注・出荷", priority: 1, rtoHours: 24, manualWorkaround: "FAXと紙の受注票" },
    { organisationId, name: "生産管理", priority: 2, rtoHours: 72 },
  ]);
  return { desk };
}
