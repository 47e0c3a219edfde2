import { describe, expect, it } from "vitest";
import { buildTimeline } from "../src/timeline/build-timeline";
import { ZTriageResult } from "../src/timeline/timeline-event";
import { evtxPath, LOGS } from "./support/corpus";

/** Built-in first-response detections, each on the real sample that shows the behaviour. */
async function rulesFor(...rels: string[]) {
  const result = await buildTimeline(rels.map((r) => (r.startsWith("/") ? r : evtxPath(r))));
  expect(() => ZTriageResult.parse(result)).not.toThrow();
  return result;
}

describe("built-in detections on real event logs", () => {
  it("log cleared: Security 1102 and System 104", async () => {
    const { detections, events } = await rulesFor(
      "EVTX-ATTACK-SAMPLES/Defense Evasion/DE_1102_security_log_cleared.evtx",
      "EVTX-ATTACK-SAMPLES/Defense Evasion/DE_104_system_log_cleared.evtx",
    );
    const cleared = detections.filter((d) => d.ruleId === "log-cleared");
    expect(cleared.length).toBeGreaterThanOrEqual(2);
    const evidence = cleared.flatMap((d) => d.eventIds.map((id) => events.find((e) => e.id === id)));
    expect(new Set(evidence.map((e) => e?.eventId))).toEqual(new Set([1102, 104]));
    expect(cleared[0]?.explanation.ja).toMatch(/消去/);
    expect(cleared[0]?.severity).toBe("high");
  });

  it("new account and membership of Administrators (4720, 4728, 4732)", async () => {
    const { detections } = await rulesFor("DeepBlueCLI/new-user-security.evtx");
    expect(detections.filter((d) => d.ruleId === "account-created")).toHaveLength(1);
    const admin = detections.filter((d) => d.ruleId === "admin-group-member-added");
    expect(admin.length).toBeGreaterThanOrEqual(1);
    expect(admin[0]?.explanation.ja).toContain("Administrators");
  });

  it("RDP logon type 10 from an internal address is reported, low severity", async () => {
    const { detections } = await rulesFor(
      "EVTX-ATTACK-SAMPLES/Command and Control/DE_RDP_Tunneling_4624.evtx",
    );
    const rdp = detections.filter((d) => d.ruleId.startsWith("rdp-logon"));
    expect(rdp).toHaveLength(1);
    expect(rdp[0]?.severity).toBe("low");
  });

  it("brute force: 3561 failed SMB logons become one burst", async () => {
    const { detections } = await rulesFor("DeepBlueCLI/smb-password-guessing-security.evtx");
    const bf = detections.filter((d) => d.ruleId === "logon-brute-force");
    expect(bf.length).toBeGreaterThanOrEqual(1);
    expect(bf.reduce((n, d) => n + d.eventIds.length, 0)).toBeGreaterThan(3000);
  });

  it("service install by Metasploit psexec is high severity (7045 with %COMSPEC% / powershell)", async () => {
    const { detections } = await rulesFor("DeepBlueCLI/metasploit-psexec-powershell-target-system.evtx");
    const svc = detections.filter((d) => d.ruleId === "service-installed");
    expect(svc.length).toBe(2);
    expect(svc.some((d) => d.severity === "high")).toBe(true);
  });

  it("shadow copy and backup deletion (4688 wmic / wbadmin, Sysmon 1 vssadmin) is critical", async () => {
    const { detections } = await rulesFor(
      "EVTX-to-MITRE-Attack/TA0040-Impact/T1490-Inhibit System Recovery/ID4688-Delete VSS backup (WMI).evtx",
      "EVTX-to-MITRE-Attack/TA0040-Impact/T1490-Inhibit System Recovery/ID4688-Delete Window backup (webadmin).evtx",
      "EVTX-ATTACK-SAMPLES/AutomatedTestingTools/PanacheSysmon_vs_AtomicRedTeam01.evtx",
    );
    const del = detections.filter((d) => d.ruleId === "backup-deletion");
    const text = del.map((d) => d.explanation.en).join("\n");
    expect(text).toMatch(/wmic shadowcopy delete/);
    expect(text).toMatch(/wbadmin delete/);
    expect(text).toMatch(/vssadmin delete shadows/);
    expect(del.every((d) => d.severity === "critical")).toBe(true);
    expect(detections[0]?.severity).toBe("critical");
  });

  it("VPN brute force and a VPN logon from abroad in FortiGate logs, with DB-IP attribution", async () => {
    const { detections, events } = await rulesFor(
      `${LOGS}/crowdsec-hub-tests/fortinet-vpn-bf/fortinet-vpn-bf.log`,
      `${LOGS}/wazuh-ruleset-tests/extracted-lines/fortigate.log`,
    );
    const bf = detections.find((d) => d.ruleId === "vpn-brute-force");
    expect(bf?.eventIds).toHaveLength(9);
    const abroad = detections.find((d) => d.ruleId === "logon-from-abroad");
    expect(abroad?.attribution).toMatch(/^IP geolocation by DB-IP \(CC BY 4\.0\).*data \d{4}-\d\d-\d\d$/);
    const evidence = events.find((e) => e.id === abroad?.eventIds[0]);
    expect(evidence?.sourceAddress).toBe("9.8.7.7");
  });

  it("a gap in record numbers (record removed from a chunk) is detected", async () => {
    const { readFileSync, writeFileSync, mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(`${tmpdir()}/sonae-gap-`);
    try {
      const buf = readFileSync(evtxPath("DeepBlueCLI/password-spray.evtx"));
      // Unlink record 3 the way eventlogedit does: the previous record absorbs it (size grows).
      const r1 = 4096 + 512;
      const r2 = r1 + buf.readUInt32LE(r1 + 4);
      const r3 = r2 + buf.readUInt32LE(r2 + 4);
      const merged = buf.readUInt32LE(r2 + 4) + buf.readUInt32LE(r3 + 4);
      buf.writeUInt32LE(merged, r2 + 4);
      buf.writeUInt32LE(merged, r2 + merged - 4);
      writeFileSync(`${dir}/edited.evtx`, buf);
      const { detections } = await buildTimeline([`${dir}/edited.evtx`]);
      const gap = detections.find((d) => d.ruleId === "record-gap");
      expect(gap?.explanation.en).toMatch(/record 2 is followed by 4 \(1 missing\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("remote logons from public addresses", () => {
  it("classifies addresses (RFC 1918, CGNAT, link-local, documentation are not public)", async () => {
    const { isPublicIp } = await import("../src/geo/ip-address");
    expect(
      [
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "100.64.0.1",
        "169.254.1.1",
        "127.0.0.1",
        "192.0.2.1",
        "::1",
        "fe80::1",
        "fd00::1",
      ].some(isPublicIp),
    ).toBe(false);
    expect(["8.8.8.8", "133.242.0.1", "2001:4860:4860::8888"].every(isPublicIp)).toBe(true);
  });

  it("an RDP logon (4624 type 10) from a public address is high severity, and from abroad when not JP", async () => {
    const { runBuiltinDetections } = await import("../src/detections/run-detections");
    const { openCountryLookup } = await import("../src/geo/ip-country");
    const { events } = await buildTimeline(
      [evtxPath("EVTX-ATTACK-SAMPLES/Command and Control/DE_RDP_Tunneling_4624.evtx")],
      { countries: null },
    );
    const rdp = events.find((e) => e.eventId === 4624 && e.details.LogonType === "10");
    expect(rdp).toBeDefined();
    // The same real event as if the tunnel had been opened from a public US address (Google DNS).
    const exposed = { ...(rdp as (typeof events)[number]), id: "exposed#1", sourceAddress: "8.8.8.8" };
    const detections = runBuiltinDetections({
      events: [exposed],
      recordGaps: [],
      countries: openCountryLookup(),
    });
    expect(detections.find((d) => d.ruleId === "rdp-logon-public")?.severity).toBe("high");
    const abroad = detections.find((d) => d.ruleId === "logon-from-abroad");
    expect(abroad?.explanation.ja).toContain("US");
    expect(abroad?.attribution).toContain("DB-IP");
  });
});
