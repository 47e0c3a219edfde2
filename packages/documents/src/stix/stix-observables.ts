import type { z } from "zod";
import type { ZReportIndicator } from "../report/report-model";
import { TOX_EXTENSION, type TStixObject, WALLET_EXTENSION } from "./stix-extensions";
import { createScoId } from "./stix-ids";

type TIndicator = z.infer<typeof ZReportIndicator>;

/** A STIX patterning string literal: backslash and quote escaped (STIX 2.1 Patterning §9.2). */
export function quoteStixString(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

const HASH_NAMES = { md5: "MD5", sha1: "SHA-1", sha256: "SHA-256" } as const;

/** Contact channels identify the attacker rather than malicious traffic (indicator-type-ov). */
const ATTRIBUTION_KINDS = new Set(["email", "btc", "xmr", "eth", "tox", "onion"]);

export interface TObservable {
  sco: TStixObject;
  pattern: string;
  indicatorType: "malicious-activity" | "attribution";
}

function newSco(type: string, extensionId: string, props: Record<string, string>): TStixObject {
  return {
    type,
    spec_version: "2.1",
    id: createScoId(type, props),
    ...props,
    extensions: { [extensionId]: { extension_type: "new-sco" } },
  };
}

/**
 * The url SCO's value must be a URI (RFC 3986). URLs copied from ransom notes may hold characters a URI
 * cannot (backslash, spaces, non-ASCII): percent-encode those as UTF-8, leaving existing escapes alone.
 */
export function toUriValue(value: string): string {
  return value.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (ch) => encodeURIComponent(ch));
}

/** Maps one extracted indicator to its SCO (deterministic UUIDv5 id) and STIX pattern. */
export function buildObservable(indicator: TIndicator): TObservable {
  const { kind, value } = indicator;
  const indicatorType = ATTRIBUTION_KINDS.has(kind) ? "attribution" : "malicious-activity";
  const simple = (type: string): TObservable => ({
    sco: { type, spec_version: "2.1", id: createScoId(type, { value }), value },
    pattern: `[${type}:value = ${quoteStixString(value)}]`,
    indicatorType,
  });
  switch (kind) {
    case "ipv4":
      return simple("ipv4-addr");
    case "ipv6":
      return simple("ipv6-addr");
    case "domain":
    case "onion": // an onion service address is a domain name (RFC 7686)
      return simple("domain-name");
    case "url": {
      const uri = toUriValue(value);
      return {
        sco: { type: "url", spec_version: "2.1", id: createScoId("url", { value: uri }), value: uri },
        pattern: `[url:value = ${quoteStixString(uri)}]`,
        indicatorType,
      };
    }
    case "email":
      return simple("email-addr");
    case "md5":
    case "sha1":
    case "sha256": {
      const algo = HASH_NAMES[kind];
      // One hash per file SCO: it is the ID-contributing property (STIX 2.1 §6.7).
      const hashes = { [algo]: value.toLowerCase() };
      const path = kind === "md5" ? "MD5" : `'${algo}'`;
      return {
        sco: { type: "file", spec_version: "2.1", id: createScoId("file", { hashes }), hashes },
        pattern: `[file:hashes.${path} = ${quoteStixString(value.toLowerCase())}]`,
        indicatorType,
      };
    }
    case "btc":
    case "xmr":
    case "eth":
      return {
        sco: newSco("sonae-cryptocurrency-wallet", WALLET_EXTENSION.id, { currency: kind, value }),
        pattern: `[sonae-cryptocurrency-wallet:value = ${quoteStixString(value)}]`,
        indicatorType,
      };
    case "tox":
      return {
        sco: newSco("sonae-tox-id", TOX_EXTENSION.id, { value }),
        pattern: `[sonae-tox-id:value = ${quoteStixString(value)}]`,
        indicatorType,
      };
  }
}
