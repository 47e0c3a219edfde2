import { describe, expect, it } from "vitest";
import { parseTextLog } from "../src/textlog/parse-text-log";
import { LOGS } from "./support/corpus";

/** Vendor log parsers on the real lines in shared/data/logs (CrowdSec hub tests, Wazuh rule tests, Azure Sentinel). */
const opts = { year: 2024 };

describe("text-log parsers on real lines", () => {
  it("sshd auth.log: invalid users and failed passwords with source address", async () => {
    const lines = await parseTextLog(`${LOGS}/crowdsec-hub-tests/ssh-bf/ssh-bf.log`, opts);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatchObject({
      format: "sshd",
      host: "sd-126005",
      user: "pascal",
      sourceAddress: "35.188.49.176",
      outcome: "failure",
    });
    // Syslog time without a zone is read as JST (UTC+9) by default.
    expect(lines[0]?.time).toBe("2024-02-12T05:10:21.000Z");
    const ok = await parseTextLog(`${LOGS}/crowdsec-hub-tests/sshd-success-logs/sshd-success-logs.log`, opts);
    expect(ok.map((l) => [l.outcome, l.user])).toEqual([
      ["success", "vagrant"],
      ["success", "vagrant"],
      ["success", "vagrant"],
      ["success", "test"],
    ]);
    const wazuh = await parseTextLog(`${LOGS}/wazuh-ruleset-tests/extracted-lines/sshd.log`, opts);
    expect(wazuh.find((l) => l.time.startsWith("2013-10-30"))).toMatchObject({
      user: "opcione",
      sourceAddress: "192.241.237.101",
      time: "2013-10-30T13:51:30.267Z",
    });
  });

  it("FortiGate SSL-VPN login failures honour the tz field", async () => {
    const lines = await parseTextLog(`${LOGS}/crowdsec-hub-tests/fortinet-vpn-bf/fortinet-vpn-bf.log`, opts);
    expect(lines).toHaveLength(9);
    expect(lines.every((l) => l.outcome === "failure" && l.sourceAddress === "192.168.0.1")).toBe(true);
    expect(lines[0]?.time).toBe("2024-10-14T20:46:40.000Z"); // 13:46:40 at -0700
    expect(lines[1]?.user).toBe("sapservicecq1");
  });

  it("Cisco ASA AAA (VPN) authentication: 113004 success, 113005 reject, 113006 lockout", async () => {
    const lines = await parseTextLog(`${LOGS}/wazuh-ruleset-tests/extracted-lines/cisco_asa.log`, opts);
    const byId = (id: string) => lines.find((l) => l.details.messageId === id);
    expect(byId("113004")).toMatchObject({ outcome: "success", user: "user" });
    expect(byId("113005")).toMatchObject({ outcome: "failure", sourceAddress: "192.168.0.1" });
    expect(byId("113006")).toMatchObject({ outcome: "lockout", user: "user" });
  });

  it("PAN-OS THREAT CSV (brute-force signature)", async () => {
    const lines = await parseTextLog(
      `${LOGS}/crowdsec-hub-tests/palo-alto-threat/palo-alto-threat.log`,
      opts,
    );
    expect(lines[0]).toMatchObject({
      format: "pan-os",
      host: "paloalto.test.host",
      sourceAddress: "1.2.3.2",
    });
    expect(lines[0]?.details.threat).toBe("SSH User Authentication Brute Force Attempt(40015)");
  });

  it("PAN-OS GlobalProtect logs (documented field layout)", async () => {
    // Field layout from Palo Alto's "GlobalProtect Log Fields" (PAN-OS 10.x); no licensed sample exists in the corpus.
    const gp =
      "1,2024/05/01 10:00:00,012345678901,GLOBALPROTECT,0,2560,2024/05/01 10:00:00,vsys1,gateway-auth,login,LDAP,,corp\\taro,JP,PC01,203.0.113.5,,10.0.0.5,,host-id,,6.1.0,Windows,10,1,,Authentication failed: Invalid username or password,,failure,,0,,,gp-portal";
    const [line] = await parseTextLog([gp], opts);
    expect(line).toMatchObject({
      format: "pan-os",
      user: "corp\\taro",
      sourceAddress: "203.0.113.5",
      outcome: "failure",
    });
  });

  it("Ivanti / Pulse Connect Secure: login succeeded and failed", async () => {
    const lines = await parseTextLog(
      `${LOGS}/azure-sentinel-extract/pulse-connect-secure-syslog-sample.log`,
      opts,
    );
    expect(lines.find((l) => l.outcome === "success")).toMatchObject({
      user: "user10",
      sourceAddress: "172.250.135.219",
    });
    expect(lines.find((l) => l.outcome === "failure")).toMatchObject({
      user: "ABC\\SAMPL-4086063$",
      sourceAddress: "192.41.45.169",
    });
  });

  it("OpenVPN: TLS authentication failures and AUTH_FAILED, LDAP password failures", async () => {
    const bf = await parseTextLog(`${LOGS}/crowdsec-hub-tests/openvpn-bf/openvpn.log`, opts);
    expect(bf).toHaveLength(4);
    expect(bf.every((l) => l.outcome === "failure" && l.sourceAddress === "192.168.1.31")).toBe(true);
    const server = await parseTextLog(`${LOGS}/crowdsec-hub-tests/openvpn/openvpn.log`, opts);
    expect(server.find((l) => l.details.message?.includes("AUTH_FAILED"))).toMatchObject({
      user: "client1",
      sourceAddress: "192.168.1.13",
    });
    expect(server.find((l) => l.outcome === "success")).toMatchObject({
      user: "client3",
      sourceAddress: "192.168.1.34",
    });
    const ldap = await parseTextLog(`${LOGS}/wazuh-ruleset-tests/extracted-lines/openvpn_ldap.log`, opts);
    expect(ldap).toHaveLength(2);
    expect(ldap[0]?.host).toBe("VPN-SERVER-05892");
  });

  it("SonicWall: administrator login denied", async () => {
    const lines = await parseTextLog(`${LOGS}/wazuh-ruleset-tests/extracted-lines/SonicWall.log`, opts);
    const denied = lines.find((l) => l.outcome === "failure");
    expect(denied).toMatchObject({ sourceAddress: "2.2.2.2", host: "1.1.1.1" });
    expect(denied?.event).toMatch(/Administrator login denied/);
  });
});
