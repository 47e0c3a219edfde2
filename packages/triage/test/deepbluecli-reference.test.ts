import { beforeAll, describe, expect, it } from "vitest";
import { runSigmaRules } from "../src/sigma/run-sigma-rules";
import { loadSigmaRuleSet, type SigmaRuleSet } from "../src/sigma/sigma-rule-set";
import { buildTimeline } from "../src/timeline/build-timeline";
import { evtxPath } from "./support/corpus";

/**
 * DeepBlueCLI's own samples and what its README documents for each ("Examples" table,
 * sans-blue-team/DeepBlueCLI): Sonae must report the same thing. `expected` are Sonae rule ids;
 * "sigma" means any shipped Sigma rule (DeepBlueCLI's command-line regexes). The full per-file
 * comparison is in packages/triage/README.md.
 */
const DOCUMENTED: Array<{ file: string; deepBlue: string; expected: string[] }> = [
  {
    file: "disablestop-eventlog.evtx",
    deepBlue: "Event log manipulation",
    expected: ["eventlog-service-stopped", "log-cleared"],
  },
  {
    file: "metasploit-psexec-native-target-security.evtx",
    deepBlue: "Metasploit native target (security)",
    expected: ["sigma"],
  },
  {
    file: "metasploit-psexec-native-target-system.evtx",
    deepBlue: "Metasploit native target (system)",
    expected: ["service-installed"],
  },
  {
    file: "metasploit-psexec-powershell-target-security.evtx",
    deepBlue: "Metasploit PowerShell target (security)",
    expected: ["sigma"],
  },
  {
    file: "metasploit-psexec-powershell-target-system.evtx",
    deepBlue: "Metasploit PowerShell target (system)",
    expected: ["service-installed"],
  },
  {
    file: "mimikatz-privesc-hashdump.evtx",
    deepBlue: "Mimikatz lsadump::sam",
    expected: ["sensitive-privilege-use"],
  },
  {
    file: "new-user-security.evtx",
    deepBlue: "New user creation; user added to administrator group",
    expected: ["account-created", "admin-group-member-added"],
  },
  {
    file: "Powershell-Invoke-Obfuscation-encoding-menu.evtx",
    deepBlue: "Obfuscation (encoding)",
    expected: ["powershell-obfuscated"],
  },
  {
    file: "Powershell-Invoke-Obfuscation-string-menu.evtx",
    deepBlue: "Obfuscation (string)",
    expected: ["powershell-obfuscated"],
  },
  {
    file: "smb-password-guessing-security.evtx",
    deepBlue: "Password guessing",
    expected: ["logon-brute-force"],
  },
  { file: "password-spray.evtx", deepBlue: "Password spraying", expected: ["password-spray"] },
  { file: "powersploit-security.evtx", deepBlue: "PowerSploit (security)", expected: ["sigma"] },
  { file: "powersploit-system.evtx", deepBlue: "PowerSploit (system)", expected: ["sigma"] },
  { file: "psattack-security.evtx", deepBlue: "PSAttack", expected: ["sigma"] },
];

let sigma: SigmaRuleSet;
beforeAll(async () => {
  sigma = await loadSigmaRuleSet();
}, 60_000);

describe("DeepBlueCLI's documented results on its own samples", () => {
  it.each(DOCUMENTED)("$file: $deepBlue", async ({ file, expected }) => {
    const { detections } = await buildTimeline([evtxPath(`DeepBlueCLI/${file}`)], {
      countries: null,
      extraDetectors: [(events) => runSigmaRules(sigma.rules, events, sigma.source)],
    });
    const ruleIds = new Set(detections.flatMap((d) => (d.sources ?? [d]).map((s) => s.ruleId)));
    for (const id of expected) {
      if (id === "sigma") expect([...ruleIds].some((r) => r.startsWith("sigma:"))).toBe(true);
      else expect([...ruleIds]).toContain(id);
    }
  });
});
