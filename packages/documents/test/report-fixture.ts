import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { TReportPackageInput } from "../src/report/report-model";
import { SHARED_DATA } from "./plan-fixture";

const NOTES = path.join(SHARED_DATA, "ransomware/notes");
const hash = (algo: string, data: Buffer) => createHash(algo).update(data).digest("hex");

/** A real ransom note (ThreatLabz collection, MIT) as bytes. */
export function readNote(relative: string): Buffer {
  return readFileSync(path.join(NOTES, relative));
}

/** The first Fortinet FortiOS entry of the shared KEV VPN subset (CISA KEV, CC0), with the catalogue version. */
export function readFortiosKev(): {
  catalogVersion: string;
  cveID: string;
  vulnerabilityName: string;
  dateAdded: string;
} {
  const kev = JSON.parse(
    readFileSync(path.join(SHARED_DATA, "kev/derived_kev_vpn_remote_access_subset.json"), "utf8"),
  );
  const entry = kev.vulnerabilities.find((v: { product: string }) => v.product === "FortiOS");
  if (!entry) throw new Error("no FortiOS entry in the KEV subset");
  return { catalogVersion: kev.catalogVersion, ...entry };
}

/**
 * A report package built from real attacker data: the Cuba note (e-mails, onion URL), the Ryuk note's
 * BTC wallet and a Tox id from the NightSpire note. Organisation data and IPs are fictitious
 * (documentation ranges, RFC 5737 / RFC 3849).
 */
export function createReportFixture(): TReportPackageInput {
  const cuba = readNote("cuba/cuba.txt");
  const cubaText = cuba.toString("utf8");
  const onionUrl = cubaText.match(/http:\/\/[a-z2-7]{56}\.onion\/?/)?.[0];
  const emails = cubaText.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? [];
  const btc = readNote("ryuk/ryuk.txt")
    .toString("utf8")
    .match(/\b1[1-9A-HJ-NP-Za-km-z]{25,34}\b/)?.[0];
  const tox = readNote("nightspire/nightspire_readme.txt")
    .toString("utf8")
    .match(/\b[0-9A-F]{76}\b/)?.[0];
  if (!onionUrl || emails.length < 2 || !btc || !tox)
    throw new Error("expected attacker data missing from notes");
  const kev = readFortiosKev();
  return {
    formatVersion: "1.0.0",
    generatedAt: "2026-11-20T03:00:00Z",
    confidentiality: "機密・警察提出用（CONFIDENTIAL）",
    tlp: "amber",
    organisation: { name: "株式会社備え精機", prefecture: "埼玉県", industry: "製造業", isSme: true },
    contactPerson: {
      name: "佐藤 花子",
      title: "総務部長",
      phone: "090-0000-0002",
      email: "sato@example.jp",
      reachable24h: true,
    },
    incident: {
      reference: "INC-2026-0007",
      title: "ファイルサーバの暗号化と脅迫文",
      discoveredAt: "2026-11-19T23:40:00Z",
      firstAnomalyAt: "2026-11-19T18:05:00Z",
      discoveredHow: "始業時に社員がファイルを開けず、各PCに脅迫文を発見",
      summary: "ファイルサーバと事務用PC 12台のファイルが暗号化され、拡張子が変更された。",
      businessImpact: "受注・出荷業務が停止",
      personalDataInvolved: "unknown",
      request: "damage-report",
      familyName: "Cuba",
    },
    timeline: [
      { at: "2026-11-19T23:40:00Z", event: "社員が暗号化に気付く" },
      { at: "2026-11-19T18:05:00Z", event: "VPN装置に海外IPからのログイン成功" },
      { at: "2026-11-20T00:10:00Z", event: "LANケーブルを抜いて隔離（電源は入れたまま）" },
    ],
    affectedTerminals: [
      {
        name: "FS01",
        role: "file-server",
        os: "Windows Server 2019",
        encrypted: "yes",
        symptoms: "全共有フォルダが暗号化",
        isolated: "yes",
        poweredOff: "no",
      },
      {
        name: "PC-014",
        role: "pc",
        os: "Windows 11",
        encrypted: "yes",
        symptoms: "デスクトップに脅迫文",
        isolated: "yes",
        poweredOff: "no",
      },
    ],
    networkDiagram: {
      description: "本社LAN（192.0.2.0/24）にVPN装置経由で在宅端末が接続。工場LANとはUTMで分離。",
      attachments: [{ fileName: "network-2026.pdf", sha256: hash("sha256", Buffer.from("diagram")) }],
    },
    internetFacingDevices: [
      {
        name: "本社VPN装置",
        type: "vpn",
        vendor: "Fortinet",
        product: "FortiGate 60F",
        version: "FortiOS 7.2.8",
        usage: "在宅勤務のリモートアクセス",
        patchState: "outdated",
        kevMatches: [
          { cveId: kev.cveID, vulnerabilityName: kev.vulnerabilityName, dateAdded: kev.dateAdded },
        ],
      },
    ],
    preservedLogs: {
      manifestSha256: hash("sha256", Buffer.from("manifest")),
      items: [
        {
          name: "fortigate-vpn.log",
          source: "本社VPN装置",
          sizeBytes: cuba.length,
          sha256: hash("sha256", cuba),
          preservedAt: "2026-11-20T01:00:00Z",
        },
      ],
    },
    ransom: {
      encrypted: "yes",
      leakThreatened: "yes",
      demanded: "yes",
      noteText: cubaText,
      noteFileName: "!!FOR_ALL_FILES!!.txt",
      encryptedExtension: ".cuba",
      paid: "no",
    },
    intrusion: { method: "vpn-vulnerability", detail: `${kev.cveID} の悪用の可能性` },
    indicators: [
      { kind: "ipv4", value: "198.51.100.23", note: "VPNログイン元" },
      { kind: "ipv6", value: "2001:db8::23" },
      { kind: "domain", value: "cuba-supp.com" },
      { kind: "url", value: onionUrl },
      { kind: "onion", value: new URL(onionUrl).hostname },
      { kind: "email", value: emails[0]! },
      { kind: "email", value: emails[1]! },
      { kind: "md5", value: hash("md5", cuba) },
      { kind: "sha1", value: hash("sha1", cuba) },
      { kind: "sha256", value: hash("sha256", cuba) },
      { kind: "btc", value: btc },
      { kind: "tox", value: tox },
    ],
    actionsTaken: [{ at: "2026-11-20T00:10:00Z", action: "感染端末をネットワークから隔離（電源は維持）" }],
    otherNotifications: [{ to: "サイバー保険会社", at: "2026-11-20T01:30:00Z", reference: "CY-2026-000123" }],
    sourceNotes: [{ label: "CISA KEV", value: `catalogVersion ${kev.catalogVersion}` }],
  };
}
