import type { TDetection } from "../timeline/timeline-event";
import { detectAccountChanges } from "./detect-account-changes";
import { detectBackupDeletion } from "./detect-backup-deletion";
import { detectBruteForce } from "./detect-brute-force";
import { detectEventRules } from "./detect-event-rules";
import { detectForeignLogons } from "./detect-foreign-logons";
import { detectLogClearing } from "./detect-log-clearing";
import { detectMassRenames } from "./detect-mass-renames";
import { detectOddHourLogons } from "./detect-odd-hour-logons";
import { detectPasswordSpray } from "./detect-password-spray";
import { detectPowerShellObfuscation } from "./detect-powershell-obfuscation";
import { detectRemoteLogons } from "./detect-remote-logons";
import { detectSensitivePrivilegeUse } from "./detect-sensitive-privilege-use";
import { detectServiceInstalls } from "./detect-service-installs";
import { detectWmiRemoteProcess } from "./detect-wmi-remote-process";
import type { DetectionContext, DetectionRule } from "./detection-helpers";

/** Built-in first-response rules, in the order a responder reads them. */
export const BUILTIN_RULES: DetectionRule[] = [
  detectBackupDeletion,
  detectMassRenames,
  detectLogClearing,
  detectRemoteLogons,
  detectForeignLogons,
  detectPasswordSpray,
  detectBruteForce,
  detectOddHourLogons,
  detectAccountChanges,
  detectServiceInstalls,
  detectWmiRemoteProcess,
  detectPowerShellObfuscation,
  detectSensitivePrivilegeUse,
  detectEventRules,
];

const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3, info: 4 } as const;

/** Orders detections as a responder reads them: severity first, then time. */
export function sortDetections(detections: TDetection[]): TDetection[] {
  return detections.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.firstTime.localeCompare(b.firstTime),
  );
}

/** Runs every built-in rule; results sorted by severity, then time. */
export function runBuiltinDetections(ctx: DetectionContext): TDetection[] {
  return sortDetections(BUILTIN_RULES.flatMap((rule) => rule(ctx)));
}
