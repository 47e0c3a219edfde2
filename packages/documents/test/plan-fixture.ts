import { readFileSync } from "node:fs";
import path from "node:path";
import type { TPlanModelInput } from "../src/plan/plan-model";

export const SHARED_DATA = path.resolve(import.meta.dirname, "../../../../shared/data");

/** A real prefecture row (JIS X 0401 code, name, prefectural police) from the shared data set. */
export function readPrefecture(code: string): { name: string; police: string } {
  const lines = readFileSync(path.join(SHARED_DATA, "japan/prefectures.csv"), "utf8").trim().split("\n");
  const row = lines.map((l) => l.split(",")).find((cols) => cols[0] === code);
  if (!row?.[1] || !row[3]) throw new Error(`prefecture ${code} not in prefectures.csv`);
  return { name: row[1], police: row[3] };
}

/** A complete plan model of a small manufacturer; phone numbers are fictitious (test only). */
export function createPlanFixture(): TPlanModelInput {
  const pref = readPrefecture("11");
  return {
    organisation: { name: "株式会社備え精機", prefecture: pref.name, industry: "製造業", isSme: true },
    police: {
      desk: {
        name: `${pref.police} サイバー犯罪相談窓口`,
        phone: "048-000-0110",
        url: "https://www.npa.go.jp/bureau/cyber/soudan.html",
        verifiedAt: "2026-10-01",
      },
    },
    team: [
      {
        role: "lead",
        name: "山田 太郎",
        title: "代表取締役",
        phone: "03-0000-0001",
        afterHoursPhone: "090-0000-0001",
      },
      {
        role: "liaison",
        name: "佐藤 花子",
        title: "総務部長",
        phone: "03-0000-0002",
        afterHoursPhone: "090-0000-0002",
      },
      { role: "it", name: "鈴木 一郎", phone: "03-0000-0003", email: "it@example.jp" },
      { role: "pr", name: "高橋 次郎", phone: "03-0000-0004" },
      { role: "legal", name: "田中 三郎", phone: "03-0000-0005" },
    ],
    externalParties: [
      { kind: "it-vendor", organisation: "例示システム株式会社", person: "伊藤", phone: "03-0000-1000" },
      { kind: "security-vendor", organisation: "例示セキュリティ株式会社", phone: "03-0000-2000" },
      {
        kind: "insurer",
        organisation: "例示損害保険株式会社",
        phone: "03-0000-3000",
        hotline: "0120-000-000",
        policyNumber: "CY-2026-000123",
      },
      { kind: "lawyer", organisation: "例示法律事務所", phone: "03-0000-4000" },
    ],
    devices: [
      {
        name: "本社VPN装置",
        type: "vpn",
        vendor: "Fortinet",
        product: "FortiGate 60F",
        version: "FortiOS 7.2.8",
        usage: "在宅勤務のリモートアクセス",
        logLocation: "memory",
      },
      {
        name: "工場UTM",
        type: "utm",
        vendor: "Yamaha",
        product: "UTX100",
        usage: "工場の境界防御",
        logLocation: "disk",
      },
      { name: "RDPゲートウェイ", type: "rdp-gateway", usage: "保守業者の接続", logLocation: "forwarded" },
    ],
    backups: [
      {
        what: "基幹システムDB",
        media: "LTOテープ",
        location: "本社金庫",
        connectivity: "offline",
        lastRestoreTest: "2026-06-15",
      },
      { what: "ファイルサーバ", media: "NAS", location: "本社サーバ室", connectivity: "online" },
    ],
    businessFunctions: [
      {
        name: "受注・出荷",
        priority: 1,
        rtoHours: 24,
        manualWorkaround: "FAXと紙の出荷伝票で受注し、在庫は手書き台帳で管理",
      },
      { name: "給与計算", priority: 3, rtoHours: 240 },
      { name: "生産管理", priority: 2, rtoHours: 72, manualWorkaround: "前週の生産計画を印刷して継続" },
    ],
    version: { number: "1.2", generatedAt: "2026-11-22T06:00:00Z", approvedBy: "山田 太郎" },
  };
}
