import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { TReportPackageInput } from "../src/report/report-model";
import { SHARED_DATA } from "./plan-fixture";
import { createReportFixture, readNote } from "./report-fixture";

const sha = (text: string) => createHash("sha256").update(text).digest("hex");
const REPO = path.resolve(import.meta.dirname, "../../..");

/** Every FortiOS entry of the shared KEV VPN subset (CISA KEV, CC0). */
function fortiosKev() {
  const kev = JSON.parse(
    readFileSync(path.join(SHARED_DATA, "kev/derived_kev_vpn_remote_access_subset.json"), "utf8"),
  );
  return (
    kev.vulnerabilities as { product: string; cveID: string; vulnerabilityName: string; dateAdded: string }[]
  ).filter((v) => v.product === "FortiOS");
}

/** A real SigmaHQ rule shipped in content/sigma (DRL 1.1): its id, title and author. */
export function readSigmaRule() {
  const file = "content/sigma/rules/windows/process_creation/proc_creation_win_ntdsutil_susp_usage.yml";
  const rule = parse(readFileSync(path.join(REPO, file), "utf8")) as {
    id: string;
    title: string;
    author: string;
  };
  return { ...rule, path: file };
}

/**
 * The full ransomware incident the "done when" names: terminals (more than fit the body),
 * the network diagram with its SVG, devices with KEV verdicts and basis, an evidence bundle, triage
 * detections (built-in and Sigma), the demand, context values from the LockBit note's own links,
 * the common-form send (a follow-up with changes) and notifications. Names and internal addresses
 * are fictitious; attacker data is real (ThreatLabz notes, MIT).
 */
export function createFullReportFixture(): TReportPackageInput {
  const base = createReportFixture();
  const sigma = readSigmaRule();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120"><text x="10" y="20">本社LAN</text></svg>\n`;
  const lockbit = readNote("lockbit/[id].README.txt").toString("utf8");
  const pcs = Array.from({ length: 18 }, (_, i) => ({
    name: `PC-${String(i + 1).padStart(3, "0")}`,
    account: `user${i + 1}`,
    role: "pc" as const,
    os: "Windows 11",
    encrypted: "yes" as const,
    symptoms: "ファイル名の末尾に .cuba が付き開けない",
    isolated: "yes" as const,
    isolatedAt: "2026-11-20T00:10:00Z",
    poweredOff: "no" as const,
  }));
  return {
    ...base,
    formatVersion: "1.1.0",
    organisation: { ...base.organisation, prefectureEn: "Saitama", industryEn: "Manufacturing" },
    incident: {
      ...base.incident,
      discoveredHow: `${base.incident.discoveredHow}。情報システム担当（it-desk@example.jp）が確認`,
      summary: `${base.incident.summary} 本社の社内サーバ fs01.sonae.local（10.20.0.5）も停止。`,
    },
    timeline: [
      ...base.timeline,
      { at: "2026-11-19T23:45:00Z", event: "インシデント記録を開始", eventEn: "Incident record opened" },
    ],
    affectedTerminals: [
      ...base.affectedTerminals.map((t) => ({ ...t, account: "administrator" })),
      {
        name: "DC01",
        role: "domain-controller" as const,
        os: "Windows Server 2022",
        encrypted: "unknown" as const,
        symptoms: "管理者アカウントの不審なログオン",
        isolated: "yes" as const,
        poweredOff: "no" as const,
      },
      ...pcs,
    ],
    networkDiagram: {
      diagram: {
        updatedAt: "2026-10-01T00:00:00Z",
        nodes: [
          { id: "net", label: "", type: "internet", x: 0, y: 0 },
          { id: "vpn", label: "本社VPN装置", type: "device", x: 0, y: 120 },
          { id: "lan", label: "本社LAN 10.20.0.0/16", type: "segment", x: 240, y: 120 },
          { id: "fs", label: "FS01", type: "device", x: 240, y: 240 },
        ],
        edges: [
          { source: "net", target: "vpn", label: "" },
          { source: "vpn", target: "lan", label: "SSL-VPN" },
          { source: "lan", target: "fs", label: "" },
        ],
      },
      attachments: [
        { fileName: "network-diagram.svg", sha256: sha(svg), mediaType: "image/svg+xml", content: svg },
      ],
    },
    internetFacingDevices: [
      {
        ...base.internetFacingDevices[0]!,
        lastPatchedAt: "2024-01-15",
        pendingUpdates: "FortiOS 7.2.9",
        kevMatches: fortiosKev().map((k, i) => ({
          cveId: k.cveID,
          vulnerabilityName: k.vulnerabilityName,
          dateAdded: k.dateAdded,
          verdict: i === 2 ? ("affected" as const) : ("unknown" as const),
          basis:
            i === 2
              ? "FortiOS 7.2.8 は修正版 7.2.7 以前の範囲外だが、公開情報の影響範囲に該当"
              : "製品は一致、バージョンの影響範囲は未確認",
        })),
      },
    ],
    evidenceBundles: [
      {
        fileName: "INC-2026-0007-fs01.zip",
        caseId: "INC-2026-0007",
        examiner: "佐藤 花子",
        sha256: sha("bundle"),
        manifestSha256: sha("manifest.json"),
        sizeBytes: 48_211_456,
        fileCount: 37,
        problemCount: 1,
        signerFingerprint: "SHA256:9c1f0d6a2b7e4f55c3d8e1a0b2c4d6e8f0a1b3c5d7e9f1a3b5c7d9e1f3a5b7c9",
        signerKnown: true,
        uploadedAt: "2026-11-20T02:00:00Z",
        verification: { ok: true, verifiedAt: "2026-11-20T02:00:05Z", failureCount: 0 },
        custody: {
          entries: 5,
          firstAt: "2026-11-20T01:00:00Z",
          lastAt: "2026-11-20T02:30:00Z",
          lastAction: "triage.started",
          valid: true,
        },
      },
    ],
    detections: [
      {
        title: { ja: "セキュリティログの消去", en: "Security log cleared" },
        severity: "high",
        origin: "builtin",
        firstTime: "2026-11-19T19:02:00Z",
        lastTime: "2026-11-19T19:02:00Z",
        hosts: ["FS01"],
        accounts: ["CORP\\administrator"],
        sourceAddresses: [],
        rule: { id: "sonae.log-cleared" },
        bundleSha256: sha("bundle"),
      },
      {
        title: { ja: sigma.title, en: sigma.title },
        severity: "medium",
        origin: "sigma",
        firstTime: "2026-11-19T18:40:00Z",
        lastTime: "2026-11-19T18:55:00Z",
        hosts: ["DC01"],
        accounts: ["CORP\\administrator"],
        sourceAddresses: ["10.20.0.44"],
        rule: {
          id: sigma.id,
          author: sigma.author,
          link: `https://github.com/SigmaHQ/sigma/blob/master/${sigma.path.replace("content/sigma/", "")}`,
          ruleSet: "SigmaHQ 2026-08-05",
        },
        bundleSha256: sha("bundle"),
      },
    ],
    ransom: { ...base.ransom, amount: "2 BTC", deadline: "2026-11-27" },
    indicators: [
      ...base.indicators,
      // The LockBit note names these as its own help links: well-known sites, context only.
      ...(["twitter.com", "www.torproject.org"] as const)
        .map((d) => {
          if (!lockbit.includes(d)) throw new Error(`the LockBit note no longer names ${d}`);
          return d;
        })
        .map((d) => ({
          kind: "domain" as const,
          value: d,
          context: { list: "List of known domains (MISP warninglists)", listDate: "2025-06-01" },
        })),
    ],
    otherNotifications: [
      {
        to: "埼玉県警察 サイバー犯罪対策課",
        toEn: "Saitama Prefectural Police, cybercrime division",
        at: "2026-11-20T01:00:00Z",
        officer: "田中",
        reference: "R8-1234",
      },
      ...base.otherNotifications,
    ],
    commonForm: {
      reportNumber: "INC-2026-0007-2",
      reportDate: "2026-11-21T00:00:00Z",
      recipient: "埼玉県警察",
      kind: "follow-up",
      version: 2,
      ncoConsent: "yes",
      criticalInfrastructure: "not-operator",
      changes: [{ item: "ランサムウェア固有項目／要求額", before: "", after: "2 BTC" }],
    },
  };
}

/** A DDoS incident (web shop unreachable): no encryption, no demand, the DDoS form fields filled. */
export function createDdosReportFixture(): TReportPackageInput {
  const base = createReportFixture();
  return {
    ...base,
    formatVersion: "1.1.0",
    incident: {
      ...base.incident,
      reference: "INC-2026-0012",
      title: "通販サイトへのDDoS攻撃",
      summary: "通販サイトが約3時間応答不能になった。",
      familyName: undefined,
      request: "consultation",
    },
    affectedTerminals: [],
    preservedLogs: undefined,
    ransom: { encrypted: "no", leakThreatened: "no", demanded: "no", paid: "no" },
    intrusion: { method: "unknown" },
    indicators: [{ kind: "ipv4", value: "203.0.113.77", note: "攻撃元の一つ" }],
    ddos: {
      attackType: "reflection-amplification",
      peakGbps: 12.5,
      peakPps: 3_200_000,
      durationMinutes: 185,
      mitigation: "ISPの上流フィルタとCDNのレート制限",
      impact: "通販サイトの受注停止（約3時間）",
    },
  };
}
