import type { TDetection } from "../timeline/timeline-event";
import { type BuiltinRule, overTimeline } from "./builtin-rule";
import { accountChangesRule } from "./detect-account-changes";
import { backupDeletionRule } from "./detect-backup-deletion";
import { bruteForceRule } from "./detect-brute-force";
import { eventRulesRule } from "./detect-event-rules";
import { foreignLogonsRule } from "./detect-foreign-logons";
import { logClearingRule } from "./detect-log-clearing";
import { massRenamesRule } from "./detect-mass-renames";
import { oddHourLogonsRule } from "./detect-odd-hour-logons";
import { passwordSprayRule } from "./detect-password-spray";
import { powerShellObfuscationRule } from "./detect-powershell-obfuscation";
import { remoteLogonsRule } from "./detect-remote-logons";
import { sensitivePrivilegeUseRule } from "./detect-sensitive-privilege-use";
import { serviceInstallsRule } from "./detect-service-installs";
import { wmiRemoteProcessRule } from "./detect-wmi-remote-process";
import type { DetectionContext } from "./detection-helpers";

/** Built-in first-response rules, in the order a responder reads them. */
export const BUILTIN_RULES: BuiltinRule[] = [
  backupDeletionRule,
  massRenamesRule,
  logClearingRule,
  remoteLogonsRule,
  foreignLogonsRule,
  passwordSprayRule,
  bruteForceRule,
  oddHourLogonsRule,
  accountChangesRule,
  serviceInstallsRule,
  wmiRemoteProcessRule,
  powerShellObfuscationRule,
  sensitivePrivilegeUseRule,
  eventRulesRule,
];

const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3, info: 4 } as const;

/** Orders detections as a responder reads them: severity first, then time. */
export function sortDetections(detections: TDetection[]): TDetection[] {
  return detections.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.firstTime.localeCompare(b.firstTime),
  );
}

/**
 * Runs every built-in rule over a list of events, each rule seeing every event (the reference the
 * streaming pipeline is compared with); results sorted by severity, then time.
 */
export function runBuiltinDetections(ctx: DetectionContext): TDetection[] {
  return sortDetections(BUILTIN_RULES.flatMap((rule) => overTimeline(rule)(ctx)));
}
