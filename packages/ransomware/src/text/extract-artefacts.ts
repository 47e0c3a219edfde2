/** Contact artefacts an attacker leaves in a note or a file name. Always inert text, never links. */
export type Artefacts = { onions: string[]; emails: string[]; toxIds: string[] };

/** A note stuffed with thousands of addresses must not blow up matching: keep the first ones. */
export const MAX_ARTEFACTS_PER_KIND = 200;

// Tor v3 hosts are 56 base32 chars, v2 16 (rend-spec-v3 §6); sub-domains before them are dropped.
const ONION_RE = /\b(?:[a-z2-7]{56}|[a-z2-7]{16})\.onion\b/gi;
const LOCAL_CHAR = /[a-z0-9._%+-]/i;
const DOMAIN_RE = /^[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,5}\.[a-z]{2,24}\b/i;
// A Tox ID is 38 bytes (public key, nospam, checksum) written as 76 hex chars.
const TOX_RE = /\b[0-9a-f]{76}\b/gi;

const PLACEHOLDER_EMAIL = /@(?:example\.(?:com|org)|domain\.com|mail\.com\b)|^(?:your|name|user)@/i;

/** Extracts onion hosts, e-mail addresses and Tox ids (lower-cased, de-duplicated, capped). */
export function extractArtefacts(text: string): Artefacts {
  return {
    onions: collect(text, ONION_RE),
    emails: collectEmails(text).filter((e) => !PLACEHOLDER_EMAIL.test(e) && !e.endsWith(".onion")),
    toxIds: collect(text, TOX_RE),
  };
}

/**
 * E-mail addresses, found from each "@" outwards rather than with one regex: the cost is bounded
 * by 64 characters per "@", so crafted runs like "a+a+a+…" stay linear, and addresses glued to
 * other text (MISP's ".id-…_name@mail.ch" extensions) are still found.
 */
function collectEmails(text: string): string[] {
  const seen = new Set<string>();
  for (
    let at = text.indexOf("@");
    at >= 0 && seen.size < MAX_ARTEFACTS_PER_KIND;
    at = text.indexOf("@", at + 1)
  ) {
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL_CHAR.test(text.charAt(start - 1))) start--;
    while (start < at && !/[a-z0-9]/i.test(text.charAt(start))) start++;
    if (start === at) continue;
    const domain = text.slice(at + 1, at + 1 + 320).match(DOMAIN_RE)?.[0];
    if (domain) seen.add(`${text.slice(start, at)}@${domain}`.toLowerCase());
  }
  return [...seen].sort();
}

function collect(text: string, re: RegExp): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(re)) {
    seen.add(m[0].toLowerCase());
    if (seen.size >= MAX_ARTEFACTS_PER_KIND) break;
  }
  return [...seen].sort();
}

/** Shows an artefact as inert text: "lockbit…onion" → "lockbit…[.]onion", "a@b.com" → "a[@]b.com". */
export function defangArtefact(value: string): string {
  return value.replace(/\./g, "[.]").replace(/@/g, "[@]").replace(/^http/i, "hxxp");
}
