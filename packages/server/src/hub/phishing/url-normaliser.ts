import type { TIndicatorKind } from "@sonae/core";
import { type NormalisedUrl, normaliseReportedUrl, proposeVerdict } from "@sonae/urls";
import { warningListMatches } from "../../platform/warning-lists/warning-lists";

/**
 * The hub's one door to @sonae/urls (canonicalisation, defang, IDN, PSL, flags, the offline
 * assistant), so the rest of the phishing room does not depend on the package's layout.
 */
export { type NormalisedUrl, normaliseReportedUrl, proposeVerdict };

/** A URL the hub may export as an indicator: never a warning-listed value (popular site, CDN, shortener). */
export function isListable(url: Pick<NormalisedUrl, "flags">): boolean {
  return !url.flags.includes("warning_list");
}

/** True when an address is on a shipped warning list (CDN and cloud ranges): never listed by IP. */
export function isWarningListedIp(ip: string): boolean {
  const kind: TIndicatorKind = ip.includes(":") ? "ipv6" : "ipv4";
  return warningListMatches(kind, ip).length > 0;
}
