import os from "node:os";
import { type ClockOffset, measureClockOffset } from "./ntp-offset";

/** Who and what collected the evidence: recorded in the manifest for the court. */
export interface CollectorInfo {
  hostname: string;
  os: { platform: string; release: string; version: string; arch: string };
  timeZone: string;
  /** Minutes east of UTC at collection time (JST is +540). */
  utcOffsetMinutes: number;
  user: string;
  clock: ClockOffset | { skipped: true };
  tool: { name: string; version: string; node: string };
}

/** Tool version written into every bundle. */
export const TOOL_VERSION = "0.1.0";

/** Default NTP server: NICT's public server, Japan's legal time source. */
export const DEFAULT_NTP_SERVER = "ntp.nict.jp";

/** Gathers host facts; `ntpServer: null` skips the clock check (offline machines, tests). */
export async function gatherCollectorInfo(ntpServer: string | null): Promise<CollectorInfo> {
  let user = "unknown";
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry (containers): keep "unknown".
  }
  return {
    hostname: os.hostname(),
    os: { platform: process.platform, release: os.release(), version: os.version(), arch: process.arch },
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    utcOffsetMinutes: 0 - new Date().getTimezoneOffset() || 0,
    user,
    clock: ntpServer === null ? { skipped: true } : await measureClockOffset(ntpServer),
    tool: { name: "sonae-evidence", version: TOOL_VERSION, node: process.version },
  };
}
