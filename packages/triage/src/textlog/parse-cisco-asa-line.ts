import { parseLogTime } from "./log-time";
import type { LineParser, ParsedLogLine } from "./text-log-types";

/**
 * Cisco ASA authentication messages (Cisco "ASA Series Syslog Messages"): 113004 AAA success,
 * 113005 AAA rejected, 113006 lockout, 113015 local-database rejection, 605004/605005 management
 * login, 716039/716038 WebVPN, 113039 / 722051 AnyConnect session start.
 */
const MESSAGES: Record<string, { outcome: ParsedLogLine["outcome"]; event: string }> = {
  "113004": { outcome: "success", event: "AAA 認証成功 / AAA authentication succeeded" },
  "113005": { outcome: "failure", event: "AAA 認証拒否 / AAA authentication rejected" },
  "113006": { outcome: "lockout", event: "アカウントロックアウト / User locked out" },
  "113015": { outcome: "failure", event: "ローカル DB 認証拒否 / Local database authentication rejected" },
  "605004": { outcome: "failure", event: "管理ログイン拒否 / Management login denied" },
  "605005": { outcome: "success", event: "管理ログイン許可 / Management login permitted" },
  "716038": { outcome: "success", event: "WebVPN 認証成功 / WebVPN authentication succeeded" },
  "716039": { outcome: "failure", event: "WebVPN 認証拒否 / WebVPN authentication rejected" },
  "113039": { outcome: "success", event: "AnyConnect セッション開始 / AnyConnect session started" },
  "722051": { outcome: "success", event: "AnyConnect アドレス割当 / AnyConnect address assigned" },
};

export const parseCiscoAsaLine: LineParser = (line, opts) => {
  const m = /^(.*?)%ASA-(\d)-(\d{6}): (.*)$/.exec(line);
  if (!m) return null;
  const info = MESSAGES[m[3] as string];
  if (!info) return null;
  const text = m[4] as string;
  const user =
    /[Uu]ser = ([^:,\s]+(?: [^:,\s]+)?)/.exec(text)?.[1]?.replace(/^user: /, "") ??
    /for user "?([^"\s]+)"?/.exec(text)?.[1] ??
    /[Uu]ser <([^>]+)>/.exec(text)?.[1] ??
    /^User (\S+) locked out/.exec(text)?.[1] ??
    "";
  const ip = /user IP = ([\d.a-fA-F:]+)|IP <([\d.a-fA-F:]+)>|from ([\d.]+)\/\d+|IP = ([\d.a-fA-F:]+)/.exec(
    text,
  );
  const prefix = (m[1] as string).trim().replace(/:$/, "");
  return {
    format: "cisco-asa",
    time: parseLogTime(prefix, opts),
    host: prefix.split(/\s+/).at(-1) ?? "",
    event: info.event,
    user: user.replace(/^user: /, ""),
    sourceAddress: ip ? (ip.slice(1).find(Boolean) ?? "") : "",
    ...(info.outcome ? { outcome: info.outcome } : {}),
    details: { messageId: m[3] as string, severity: m[2] as string, message: text },
  };
};
