import { describe, expect, it } from "vitest";
import { toAuthAttempt } from "../src/detections/auth-attempts";
import { detectBackupDeletion } from "../src/detections/detect-backup-deletion";
import { detectEventRules } from "../src/detections/detect-event-rules";
import { obfuscationSigns } from "../src/detections/detect-powershell-obfuscation";
import { detectionCatalogue } from "../src/detections/detection-catalogue";
import type { TTimelineEvent } from "../src/timeline/timeline-event";

const KB100 = 100_000;

function event(channel: string, eventId: number, details: Record<string, string>): TTimelineEvent {
  return {
    id: "x#1",
    time: "2026-01-01T00:00:00.000Z",
    timeJst: "2026-01-01 09:00:00.000 JST",
    host: "pc",
    source: "x",
    sourceType: "evtx",
    channel,
    eventId,
    event: "",
    user: "",
    sourceAddress: "",
    details,
  };
}

function fast(work: () => unknown): void {
  const started = performance.now();
  work();
  expect(performance.now() - started).toBeLessThan(100);
}

/** Every pattern the detections run over attacker-controlled text, on 100 KB of its own tokens. */
describe("detections stay linear on hostile field values (< 100 ms each)", () => {
  const runs = (token: string) => [token.repeat(Math.ceil(KB100 / token.length)), " ".repeat(KB100)];

  it("SSH and SQL Server failure patterns", () => {
    for (const text of [...runs("Failed password for "), ...runs("invalid user "), ...runs("a ")])
      fast(() => toAuthAttempt(event("OpenSSH/Operational", 4, { payload: text })));
    for (const text of [...runs("[CLIENT: "), ...runs("server_principal_name:"), ...runs("\n")]) {
      fast(() =>
        toAuthAttempt(event("Application", 18456, { Provider: "MSSQLSERVER", Data: "sa", Data2: text })),
      );
      fast(() => toAuthAttempt(event("Application", 33205, { Data: `action_id:LGIF\n${text}` })));
    }
  });

  it("shadow-copy deletion patterns on command lines and script blocks", () => {
    for (const token of ["vssadmin ", "wmic ", "win32_shadowcopy ", "bcdedit ", "delete ", "\t"])
      for (const text of runs(token)) {
        fast(() =>
          detectBackupDeletion({
            events: [event("Security", 4688, { CommandLine: text })],
            recordGaps: [],
            countries: null,
          }),
        );
        fast(() =>
          detectBackupDeletion({
            events: [event("Microsoft-Windows-PowerShell/Operational", 4104, { ScriptBlockText: text })],
            recordGaps: [],
            countries: null,
          }),
        );
      }
  });

  it("PowerShell obfuscation signs and the data rules' substring tests", () => {
    detectionCatalogue(); // read once per process; not part of the per-event cost
    for (const token of ["'+'", "{0}", "[char]", "`", "-f "])
      for (const text of runs(token)) fast(() => obfuscationSigns(text));
    for (const text of runs("Clear-EventLog "))
      fast(() =>
        detectEventRules({
          events: [event("Microsoft-Windows-PowerShell/Operational", 4104, { ScriptBlockText: text })],
          recordGaps: [],
          countries: null,
        }),
      );
  });
});
