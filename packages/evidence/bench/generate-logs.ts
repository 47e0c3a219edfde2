import { mkdir, open } from "node:fs/promises";
import path from "node:path";

const USERS = [
  "admin",
  "administrator",
  "taro.yamada",
  "hanako",
  "backup",
  "svc_sql",
  "guest",
  "root",
  "oracle",
  "test",
];
const HOSTS = ["web01", "db02", "vpn-gw01", "dc01", "fs03", "mail01"];

/** Deterministic PRNG (mulberry32) so every run benchmarks the same bytes. */
function createRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type LineMaker = (time: Date, r: () => number) => string;

// Line shapes follow the real samples in shared/data/logs (sshd, FortiGate SSL-VPN key=value,
// Windows Security 4625 rendered as XML as an EVTX export would be).
const MAKERS: Record<string, LineMaker> = {
  "auth.log": (t, r) =>
    `${t.toISOString()} ${pick(HOSTS, r)} sshd[${1000 + Math.floor(r() * 60000)}]: Failed password for invalid user ${pick(USERS, r)} from ${ip(r)} port ${1024 + Math.floor(r() * 64000)} ssh2\n`,
  "fortigate.log": (t, r) =>
    `date=${t.toISOString().slice(0, 10)} time=${t.toISOString().slice(11, 19)} devname="FGT60F" devid="FGT60FTK2109${Math.floor(r() * 9999)}" logid="0101039426" type="event" subtype="vpn" level="alert" vd="root" eventtime=${t.getTime()}000000 logdesc="SSL VPN login fail" action="ssl-login-fail" tunneltype="ssl-web" remip=${ip(r)} user="${pick(USERS, r)}" group="N/A" dst_host="N/A" reason="sslvpn_login_unknown_user" msg="SSL user failed to logged in"\n`,
  "security-4625.xml.log": (t, r) =>
    `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-Security-Auditing"/><EventID>4625</EventID><TimeCreated SystemTime="${t.toISOString()}"/><EventRecordID>${Math.floor(r() * 1e7)}</EventRecordID><Computer>${pick(HOSTS, r)}.corp.local</Computer></System><EventData><Data Name="TargetUserName">${pick(USERS, r)}</Data><Data Name="LogonType">${r() < 0.7 ? 3 : 10}</Data><Data Name="IpAddress">${ip(r)}</Data><Data Name="Status">0xc000006d</Data><Data Name="SubStatus">0xc0000064</Data></EventData></Event>\n`,
};

function pick<T>(items: readonly T[], r: () => number): T {
  return items[Math.floor(r() * items.length)] as T;
}

function ip(r: () => number): string {
  return `${Math.floor(r() * 223) + 1}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}`;
}

/** Writes `totalBytes` of log-like text as `fileCount` files in sub-folders of `dir`. */
export async function generateLogs(dir: string, totalBytes: number, fileCount: number): Promise<number> {
  const kinds = Object.keys(MAKERS);
  const perFile = Math.ceil(totalBytes / fileCount);
  let written = 0;
  for (let i = 0; i < fileCount; i++) {
    const kind = kinds[i % kinds.length] as string;
    const make = MAKERS[kind] as LineMaker;
    const folder = path.join(dir, `host-${i % 4}`);
    await mkdir(folder, { recursive: true });
    const file = await open(path.join(folder, `${String(i).padStart(3, "0")}-${kind}`), "w");
    const r = createRandom(i + 1);
    let time = Date.UTC(2026, 10, 1) + i * 3_600_000;
    let fileBytes = 0;
    while (fileBytes < perFile) {
      let block = "";
      while (block.length < 1 << 20) {
        time += Math.floor(r() * 2000);
        block += make(new Date(time), r);
      }
      const data = Buffer.from(block);
      await file.write(data);
      fileBytes += data.length;
    }
    await file.close();
    written += fileBytes;
  }
  return written;
}
