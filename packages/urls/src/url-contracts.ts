import type { LocalisedText } from "@sonae/core";

export type { LocalisedText };

/** Why a reported URL deserves a second look. Flags describe; they never decide a verdict alone. */
export type UrlFlag =
  | "defanged"
  | "idn"
  | "mixed_script"
  | "confusable"
  | "shortener"
  | "link_in_bio"
  | "ip_host"
  | "warning_list"
  | "nonstandard_port"
  | "userinfo";

export interface NormalisedUrl {
  /** As reported, trimmed. */
  input: string;
  /** Google Safe Browsing v4 canonical form. */
  canonical: string;
  /** Hex SHA-256 of `canonical`: the dedup key. */
  canonicalSha256: string;
  scheme: string;
  /** Canonical host: ASCII (punycode for IDN) or the IP literal ([…] for IPv6). */
  host: string;
  /** The host in Unicode, for display. */
  hostUnicode: string;
  /** The address when the host is an IP literal. */
  ip: string | null;
  /** Public Suffix List eTLD+1 in ASCII (private suffixes such as web.app count), null for IPs. */
  registrableDomain: string | null;
  path: string;
  flags: UrlFlag[];
  /** Warning lists the host, its parent domains or its IP are on: context, never indicators. */
  context: { listId: string; listName: string }[];
}

export type NormaliseErrorCode = "empty" | "too_long" | "unsupported_scheme" | "no_host" | "invalid_host";

export type NormaliseResult =
  | { ok: true; url: NormalisedUrl }
  | { ok: false; error: { code: NormaliseErrorCode; message: LocalisedText } };

export type Verdict = "phishing" | "fake_shop" | "support_scam" | "benign" | "unknown";

export interface VerdictProposal {
  verdict: Verdict;
  brand: { id: string; name: LocalisedText; confidence: number } | null;
  /** Explainable reasons, shown to the officer. */
  reasons: LocalisedText[];
}
