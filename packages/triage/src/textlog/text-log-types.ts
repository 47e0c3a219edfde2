/** Formats recognised in text logs. */
export type TextLogFormat =
  | "sshd"
  | "fortigate"
  | "cisco-asa"
  | "pan-os"
  | "pulse-secure"
  | "openvpn"
  | "sonicwall";

/** One recognised log line. `time` is ISO UTC, or "" when the line carries no usable time. */
export interface ParsedLogLine {
  format: TextLogFormat;
  time: string;
  host: string;
  /** Short label: Japanese / English. */
  event: string;
  user: string;
  sourceAddress: string;
  /** Authentication outcome, when the line is an authentication. */
  outcome?: "success" | "failure" | "lockout";
  details: Record<string, string>;
}

/** How to read times without a zone (syslog). Default: JST, the local time of Japanese devices. */
export interface TextLogOptions {
  /** Minutes east of UTC for times without an offset. Default 540 (JST). */
  utcOffsetMinutes?: number;
  /** Year for syslog times without one (RFC 3164). Default: the current year. */
  year?: number;
}

/** A per-format line parser: null when the line is not of this format or not of interest. */
export type LineParser = (line: string, opts: Required<TextLogOptions>) => ParsedLogLine | null;
