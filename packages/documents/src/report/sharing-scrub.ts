/**
 * Text scrubbing for the sharing copy: replaces known victim terms, internal IP addresses, internal
 * host names and staff e-mail addresses in free text. Every pass is linear in the text (no regex
 * that can backtrack over outside data): tokens are runs of a fixed character class, e-mail
 * addresses are found by expanding around each "@" with bounded lengths.
 */

export type TRemovedKind =
  | "organisation"
  | "person"
  | "address"
  | "contact"
  | "host"
  | "account"
  | "internal-ip"
  | "staff-email"
  | "reference"
  | "attachment";

export interface TRemovedItem {
  kind: TRemovedKind;
  value: string;
}

/** Suffixes used only inside organisations (RFC 6762 .local, RFC 8375 home.arpa, common private zones). */
const INTERNAL_SUFFIXES = [".local", ".lan", ".internal", ".intra", ".corp", ".localdomain", ".home.arpa"];

/** Private, loopback, link-local and shared (CGNAT) IPv4 ranges: RFC 1918, 1122, 3927, 6598. */
export function isInternalIpv4(value: string): boolean {
  const parts = value.split(".");
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return false;
  const [a = 0, b = 0] = parts.map(Number);
  return (
    a === 10 ||
    a === 127 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

/** Unique-local (fc00::/7), link-local (fe80::/10) and loopback IPv6. */
export function isInternalIpv6(value: string): boolean {
  const v = value.toLowerCase();
  return v === "::1" || /^f[cd][0-9a-f]{0,2}:/.test(v) || /^fe[89ab][0-9a-f]?:/.test(v);
}

export class Scrubber {
  readonly removed = new Map<string, TRemovedItem>();
  private readonly terms: { term: string; token: string; kind: TRemovedKind }[] = [];

  constructor(
    private readonly tokens: Record<TRemovedKind, string>,
    private readonly staffDomains: string[],
  ) {}

  note(kind: TRemovedKind, value: string): void {
    if (value.trim()) this.removed.set(`${kind}\u0000${value}`, { kind, value });
  }

  /** A known victim term (organisation name, person, host …) replaced wherever it appears in text. */
  addTerm(kind: TRemovedKind, term: string | undefined, token = this.tokens[kind]): void {
    const t = term?.trim();
    // Very short terms (two characters or fewer) would cut words apart; they are removed from fields only.
    if (!t || t.length < 3) return;
    this.terms.push({ term: t, token, kind });
    this.terms.sort((a, b) => b.term.length - a.term.length);
  }

  isStaffEmail(email: string): boolean {
    const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
    return this.staffDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
  }

  isInternalHost(name: string): boolean {
    const n = name.toLowerCase().replace(/\.$/, "");
    return (
      INTERNAL_SUFFIXES.some((s) => n.endsWith(s) && n.length > s.length) ||
      this.staffDomains.some((d) => n !== d && n.endsWith(`.${d}`))
    );
  }

  text(value: string): string;
  text(value: string | undefined): string | undefined;
  text(value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    let out = value;
    for (const { term, token, kind } of this.terms) {
      if (out.includes(term)) {
        this.note(kind, term);
        out = out.split(term).join(token);
      }
    }
    out = this.emails(out);
    return out.replace(/[A-Za-z0-9.:-]+/g, (run) => this.run(run));
  }

  private run(run: string): string {
    // Host names and addresses all hold a dot or a colon: plain words skip the checks.
    if (!run.includes(".") && !run.includes(":")) return run;
    const bare = run.replace(/[.:-]+$/, "");
    const tail = run.slice(bare.length);
    if (isInternalIpv4(bare)) {
      this.note("internal-ip", bare);
      return `${this.tokens["internal-ip"]}${tail}`;
    }
    if (bare.includes(":") && /^[0-9a-fA-F:]+$/.test(bare) && isInternalIpv6(bare)) {
      this.note("internal-ip", bare);
      return `${this.tokens["internal-ip"]}${tail}`;
    }
    if (!bare.includes(":") && this.isInternalHost(bare)) {
      this.note("host", bare);
      return `${this.tokens.host}${tail}`;
    }
    return run;
  }

  /** Staff addresses (the organisation's own domains) go; attacker addresses stay. */
  private emails(text: string): string {
    const lower = text.toLowerCase();
    if (!text.includes("@") || !this.staffDomains.some((d) => lower.includes(d))) return text;
    let out = "";
    let last = 0;
    for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
      let start = at;
      while (start > last && at - start < 64 && isLocalChar(text.charCodeAt(start - 1))) start--;
      let end = at + 1;
      let dot = -1;
      while (end < text.length && end - at < 255 && isDomainChar(text.charCodeAt(end))) {
        if (text.charCodeAt(end) === 46) dot = end;
        end++;
      }
      while (end > at + 1 && text.charCodeAt(end - 1) === 46) end--;
      if (start === at || dot === -1 || dot >= end - 1) continue;
      const email = text.slice(start, end);
      if (!this.isStaffEmail(email)) continue;
      this.note("staff-email", email);
      out += text.slice(last, start) + this.tokens["staff-email"];
      last = end;
    }
    return out + text.slice(last);
  }
}

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Characters of an e-mail local part as found in prose: letters, digits and . _ % + - */
const isLocalChar = (c: number) => isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
const isDomainChar = (c: number) => isAlnum(c) || c === 46 || c === 45;
