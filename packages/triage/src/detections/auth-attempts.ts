import type { TTimelineEvent } from "../timeline/timeline-event";
import { byTimeAndId, slim } from "./builtin-rule";
import { isWindowsEvent } from "./detection-helpers";

/**
 * One authentication attempt, whatever log recorded it: which account, from where, and whether it
 * failed. `explicit` marks 4648 (explicit credentials), which DeepBlueCLI and responders count for
 * password spraying though Windows does not say whether the password was right.
 */
export interface AuthAttempt {
  event: TTimelineEvent;
  account: string;
  /** Source address, else the source workstation name, else the logging host. */
  source: string;
  /** Host name of the other side when the log names it (4625 WorkstationName, 4648 subject). */
  sourceHost: string;
  kind: "failure" | "explicit";
  /** What was logged on to: the logging host, or for 4648 the target server it names. */
  target: string;
  /** Account that used the credentials (4648 subject), shown with the source. */
  actor: string;
  /** Which family: windows logon, kerberos, ntlm, ssh, sql, vpn (text logs). */
  family: "logon" | "kerberos" | "ntlm" | "ssh" | "sql" | "vpn";
}

const EMPTY = new Set(["", "-", "::1", "127.0.0.1", "localhost"]);
/** Kerberos AS-REQ results that mean a guess: unknown principal, revoked/disabled, bad password. */
const KERBEROS_FAILURES = new Set(["0x6", "0x12", "0x18"]);

function clean(value: string | undefined): string {
  const v = (value ?? "").trim().replace(/^::ffff:/, "");
  return EMPTY.has(v) ? "" : v;
}

function attempt(
  e: TTimelineEvent,
  family: AuthAttempt["family"],
  account: string,
  source: string,
  sourceHost = "",
  explicit?: { target: string; actor: string },
): AuthAttempt {
  // An attempt without an account name (VPN logs, 4625 "-") still counts towards brute force.
  const a = clean(account);
  return {
    event: e,
    account: a,
    source: clean(source) || clean(sourceHost) || e.host,
    sourceHost: clean(sourceHost),
    kind: explicit ? "explicit" : "failure",
    target: explicit?.target || e.host,
    actor: explicit?.actor ?? "",
    family,
  };
}

/** OpenSSH for Windows (Operational 4) and sshd text: "Failed password for [invalid user] X from IP". */
const SSH_FAILED =
  /^Failed (?:password|publickey|keyboard-interactive\/pam) for (?:invalid user )?(\S{1,256}) from (\S{1,64})/;
const SQL_CLIENT = /\[CLIENT: ([^\]]{1,64})\]/;
const SQL_AUDIT_FIELD = (name: string) => new RegExp(`(?:^|\\n)${name}:([^\\n]{0,256})`);

/** Every event toAuthAttempt reads. */
export const AUTH_INPUTS = {
  windows: [
    "Security:4625",
    "Security:4771",
    "Security:4768",
    "Security:4776",
    "Security:4648",
    "OpenSSH/Operational:4",
    "Application:18456",
    "Application:33205",
  ],
  textLog: true,
};

/** The attempt an event records, or null when it is not an authentication attempt. */
export function toAuthAttempt(e: TTimelineEvent): AuthAttempt | null {
  const d = e.details;
  if (e.sourceType === "text-log")
    return d.outcome === "failure" ? attempt(e, "vpn", e.user, e.sourceAddress) : null;
  if (isWindowsEvent(e, "Security", 4625))
    return attempt(e, "logon", d.TargetUserName ?? "", d.IpAddress ?? "", d.WorkstationName);
  if (isWindowsEvent(e, "Security", 4771))
    return d.Status === "0x0" ? null : attempt(e, "kerberos", d.TargetUserName ?? "", d.IpAddress ?? "");
  if (isWindowsEvent(e, "Security", 4768))
    return KERBEROS_FAILURES.has(d.Status ?? "")
      ? attempt(e, "kerberos", d.TargetUserName ?? "", d.IpAddress ?? "")
      : null;
  if (isWindowsEvent(e, "Security", 4776))
    return d.Status && d.Status !== "0x0"
      ? attempt(e, "ntlm", d.TargetUserName ?? "", "", d.Workstation)
      : null;
  if (isWindowsEvent(e, "Security", 4648)) {
    // 4648 is written on the machine the credentials are used from: the subject is the source,
    // the network address and server name are the target (DeepBlueCLI reads it the same way).
    const sourceHost = clean(d.SubjectDomainName) || e.host;
    const target = [clean(d.TargetServerName), clean(d.IpAddress)].filter(Boolean).join(" ");
    return attempt(e, "logon", d.TargetUserName ?? "", sourceHost, sourceHost, {
      target: target || e.host,
      actor: clean(d.SubjectUserName),
    });
  }
  if (isWindowsEvent(e, "OpenSSH/Operational", 4)) {
    const m = SSH_FAILED.exec(d.payload ?? "");
    return m ? attempt(e, "ssh", m[1] ?? "", m[2] ?? "") : null;
  }
  if (isWindowsEvent(e, "Application", 18456) && /^MSSQL/i.test(d.Provider ?? ""))
    return attempt(e, "sql", d.Data ?? "", SQL_CLIENT.exec(d.Data2 ?? "")?.[1] ?? "");
  if (isWindowsEvent(e, "Application", 33205) && /action_id:LGIF/.test(d.Data ?? "")) {
    const text = d.Data ?? "";
    const account = SQL_AUDIT_FIELD("server_principal_name").exec(text)?.[1] ?? "";
    return attempt(e, "sql", account, SQL_AUDIT_FIELD("client_ip").exec(text)?.[1] ?? "");
  }
  return null;
}

/**
 * Attempts kept while events stream in: each with its event slimmed (the attempt already holds
 * account, source and target), returned in timeline order.
 */
export class AuthAttemptLog {
  private readonly attempts: AuthAttempt[] = [];
  constructor(private readonly failuresOnly: boolean) {}
  add(e: TTimelineEvent): void {
    const a = toAuthAttempt(e);
    if (a && (!this.failuresOnly || a.kind === "failure")) this.attempts.push({ ...a, event: slim(a.event) });
  }
  sorted(): AuthAttempt[] {
    return this.attempts.sort((a, b) => byTimeAndId(a.event, b.event));
  }
}
