import type { ProductLine } from "../alias-table";
import type { LocalisedText, VersionVerdict } from "../kev-types";
import { findPhrase, tokeniseText } from "../normalise-name";
import { judgeCnaStatement } from "./cna-verdict";
import {
  type CompiledCpeMatch,
  describeCpeMatch,
  displayVersion,
  isWithinMatch,
  vulnerableMatches,
} from "./cpe-match";
import type { NvdRangeRecord, NvdRangeSet } from "./nvd-range-types";
import {
  compareSegments,
  readDataVersion,
  readDeviceVersion,
  segmentVersion,
  VERSION_SCHEMES,
  type VersionScheme,
  type VersionSegment,
} from "./version-schemes";

/** Where a verdict comes from, with the dates a person needs to weigh it. */
export interface VerdictBasisData {
  kind: "nvd" | "cve5-cna" | "none";
  /** NVD's lastModified of the record used (YYYY-MM-DD), null without a record. */
  recordDate: string | null;
  /** Day the range data was read (YYYY-MM-DD). */
  retrieved: string | null;
  /** The vulnerable range that decided an "affected" verdict, as a person reads it. */
  range: string | null;
}

export interface RangeJudgement {
  verdict: VersionVerdict;
  basis: LocalisedText;
  basisData: VerdictBasisData;
  /** The first version outside the matched range (NVD versionEndExcluding), when NVD gives one. */
  fixedVersion: string | null;
}

export interface RangeLookup {
  record?: NvdRangeRecord;
  set?: NvdRangeSet;
  /** Day the newest range data was read, for "not in Sonae's data of …". */
  newestRetrieved: string;
}

const pretty = (cpe: string) => cpe.split(":")[1]!.replaceAll("_", " ").replaceAll("\\", "");

/** The CPE products a device is: the models its description names (series → models), else the whole line. */
export function deviceCpeProducts(line: ProductLine, productText: string): string[] {
  const tokens = tokeniseText(productText);
  const named = line.models.filter((m) => findPhrase(tokens, m.tokens) >= 0);
  return named.length > 0 ? [...new Set(named.flatMap((m) => m.cpe))] : line.cpe;
}

function unknown(basis: LocalisedText, data: Partial<VerdictBasisData> = {}): RangeJudgement {
  return {
    verdict: "version-unknown",
    basis,
    basisData: { kind: "none", recordDate: null, retrieved: null, range: null, ...data },
    fixedVersion: null,
  };
}

/**
 * Judges one KEV entry for one device from NVD's ranges. "affected" names the range and the fixed version;
 * "not-affected-by-version" is given only when NVD has ranges for this product (or names other products of
 * the entry but not this one) and the version lies outside all of them; everything else is "unknown".
 */
export function judgeByRanges(
  lookup: RangeLookup,
  line: ProductLine | undefined,
  device: { productText: string; version?: string },
): RangeJudgement {
  const { record, set } = lookup;
  if (!record || !set) {
    return unknown({
      ja: `Sonae の NVD データ（取得 ${lookup.newestRetrieved}）にこの CVE の影響バージョンがありません。ベンダーの勧告で確認してください。`,
      en: `Sonae's NVD data (read ${lookup.newestRetrieved}) has no affected versions for this CVE; check the vendor advisory.`,
    });
  }
  const dates = { recordDate: record.nvdLastModified.slice(0, 10), retrieved: set.retrieved };
  if (!line || line.cpe.length === 0) {
    return unknown(
      {
        ja: "この製品と NVD の製品名（CPE）の対応が Sonae にないため、版数を比較できません。ベンダーの勧告で確認してください。",
        en: "Sonae has no mapping from this product to NVD's product names (CPE), so versions cannot be compared; check the vendor advisory.",
      },
      { kind: "nvd", ...dates },
    );
  }
  const scheme = VERSION_SCHEMES[line.versionScheme] ?? VERSION_SCHEMES.dotted!;
  if (record.configurations.length === 0) return judgeCnaStatement(record, set, line, scheme, device);
  let products = new Set(deviceCpeProducts(line, device.productText));
  const all = vulnerableMatches(record.configurations);
  const deviceWords = new Set(tokeniseText(device.productText));
  const relevantTo = (names: Set<string>) =>
    all.filter(
      (m) =>
        names.has(m.product) && (m.swEdition === "*" || m.swEdition === "-" || deviceWords.has(m.swEdition)),
    );
  let relevant = relevantTo(products);
  // Models of one series run one firmware, and NVD's model lists are often incomplete (CVE-2021-20028 names
  // SMA 210/410/500v, not SMA 200): a model the record omits is judged by its siblings' ranges.
  if (relevant.length === 0 && products.size < line.cpe.length) {
    products = new Set(line.cpe);
    relevant = relevantTo(products);
  }
  const head = {
    ja: `NVD（${dates.recordDate} 更新、取得 ${dates.retrieved}）`,
    en: `NVD (record of ${dates.recordDate}, read ${dates.retrieved})`,
  };
  if (relevant.length === 0) {
    const others = [...new Set(all.map((m) => pretty(m.product)))].slice(0, 6).join(", ");
    return {
      verdict: "not-affected-by-version",
      basis: {
        ja: `${head.ja}: この CVE の影響製品は ${others} で、${[...products].map(pretty).join(" / ")} は含まれません → 対象外`,
        en: `${head.en}: this CVE affects ${others}, not ${[...products].map(pretty).join(" / ")} → not affected according to NVD`,
      },
      basisData: { kind: "nvd", ...dates, range: null },
      fixedVersion: null,
    };
  }
  return judgeVersionAgainst(relevant, scheme, device.version, head, dates);
}

/**
 * NVD lists some products' affected versions one by one (PAN-OS, Ivanti) and sometimes skips one
 * (CVE-2024-3400 lists 10.2.7-h6 and 10.2.9 but not 10.2.8). A version strictly between the lowest and
 * highest listed version of its own branch (same first two numbers) is therefore not called "not affected".
 * Returns the listed span as text when that is the case.
 */
function enumerationGap(
  stated: CompiledCpeMatch[],
  device: VersionSegment[],
  scheme: VersionScheme,
): string | null {
  const listed = stated
    .filter((m) => m.version !== "*")
    .map((m) => ({ m, v: readDataVersion(m.version, m.update, scheme) }))
    .filter((x): x is { m: CompiledCpeMatch; v: VersionSegment[] } => x.v !== null)
    .filter(({ v }) => v[0] === device[0] && v[1] === device[1])
    .sort((a, b) => compareSegments(a.v, b.v));
  const low = listed[0];
  const high = listed.at(-1);
  if (!low || !high || listed.length < 2) return null;
  if (compareSegments(device, low.v) <= 0 || compareSegments(device, high.v) >= 0) return null;
  return `${displayVersion(low.m.version, low.m.update)} … ${displayVersion(high.m.version, high.m.update)}`;
}

/** The ranges as text, those of the device's own branch (same first two numbers) first, each once. */
function listRanges(matches: CompiledCpeMatch[], device: VersionSegment[] | null): string {
  const branch = (m: CompiledCpeMatch) => {
    if (!device) return 1;
    const bound =
      m.version !== "*"
        ? m.version
        : (m.match.versionStartIncluding ?? m.match.versionEndExcluding ?? m.match.versionEndIncluding ?? "");
    const b = segmentVersion(bound);
    return b[0] === device[0] && b[1] === device[1] ? 0 : 1;
  };
  const texts = [...new Set([...matches].sort((a, b) => branch(a) - branch(b)).map(describeCpeMatch))];
  return (
    texts.slice(0, 4).join("; ") +
    (texts.length > 4 ? `; …（ほか ${texts.length - 4} / ${texts.length - 4} more）` : "")
  );
}

function judgeVersionAgainst(
  relevant: CompiledCpeMatch[],
  scheme: VersionScheme,
  version: string | undefined,
  head: LocalisedText,
  dates: { recordDate: string; retrieved: string },
): RangeJudgement {
  const product = pretty(relevant[0]!.product);
  const data = { kind: "nvd" as const, ...dates };
  // "-" (no version) entries say nothing about versions; another entry of the same product that does decides.
  const stated = relevant.filter((m) => m.version !== "-");
  if (stated.length === 0) {
    return unknown(
      {
        ja: `${head.ja}: ${product} が影響製品として記載されていますが、版数の記載がありません。ベンダーの勧告で確認してください。`,
        en: `${head.en}: ${product} is listed as affected without versions; check the vendor advisory.`,
      },
      data,
    );
  }
  const segments = version?.trim() && scheme.pattern ? readDeviceVersion(version, scheme) : null;
  const listed = listRanges(stated, segments);
  if (!scheme.pattern) {
    return unknown(
      {
        ja: `${head.ja}: ${product} の版は名称（例: CU、update）で記載されており、自動では比較しません。影響範囲: ${listed}`,
        en: `${head.en}: ${product} versions are named (e.g. CU, update), so Sonae does not compare them. Affected: ${listed}`,
      },
      data,
    );
  }
  if (!version?.trim()) {
    return unknown(
      {
        ja: `機器のバージョンが未入力です。${head.ja}の影響範囲: ${product} ${listed}`,
        en: `No device version recorded. ${head.en} affected: ${product} ${listed}`,
      },
      data,
    );
  }
  if (!segments) {
    return unknown(
      {
        ja: `バージョン「${version}」を ${product} の版数（例: ${scheme.example}）として読めません。${head.ja}の影響範囲: ${listed}`,
        en: `"${version}" cannot be read as a ${product} version (e.g. ${scheme.example}). ${head.en} affected: ${listed}`,
      },
      data,
    );
  }
  let unreadable = false;
  for (const m of stated) {
    const within = isWithinMatch(segments, m, scheme);
    if (within === null) unreadable = true;
    if (!within) continue;
    const range = describeCpeMatch(m);
    const fixed = m.match.versionEndExcluding ?? null;
    const fix = fixed
      ? { ja: `修正版: ${fixed} 以降`, en: `Fixed in ${fixed}.` }
      : {
          ja: "修正版は NVD に記載がありません。ベンダーの勧告で確認してください。",
          en: "NVD names no fixed version; see the vendor advisory.",
        };
    return {
      verdict: "affected",
      basis: {
        ja: `${head.ja}: ${pretty(m.product)} ${range} が影響を受けます。${version} はこの範囲内 → 該当。${fix.ja}`,
        en: `${head.en}: ${pretty(m.product)} ${range} affected; ${version} is inside → affected. ${fix.en}`,
      },
      basisData: { ...data, range: `${pretty(m.product)} ${range}` },
      fixedVersion: fixed,
    };
  }
  const gap = enumerationGap(stated, segments, scheme);
  if (gap) {
    return unknown(
      {
        ja: `${head.ja}: ${product} の影響バージョンは 1 つずつ列挙されており（${gap}）、${version} はその間にありながら含まれていません。列挙が不完全な可能性があるため、ベンダーの勧告で確認してください。`,
        en: `${head.en}: affected ${product} versions are listed one by one (${gap}) and ${version} lies between them without being listed; the list may be incomplete, so check the vendor advisory.`,
      },
      data,
    );
  }
  if (unreadable) {
    return unknown(
      {
        ja: `${head.ja}の範囲の一部を比較できません: ${listed}`,
        en: `${head.en}: some ranges cannot be compared: ${listed}`,
      },
      data,
    );
  }
  return {
    verdict: "not-affected-by-version",
    basis: {
      ja: `${head.ja}: ${product} の影響範囲は ${listed}。${version} はいずれの範囲外 → NVD によれば対象外`,
      en: `${head.en}: ${product} affected ${listed}; ${version} is outside → not affected according to NVD`,
    },
    basisData: { ...data, range: null },
    fixedVersion: null,
  };
}
