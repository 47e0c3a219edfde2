import type { ProductLine } from "../alias-table";
import { findPhrase, tokeniseText } from "../normalise-name";
import type { CnaVersion, NvdRangeRecord, NvdRangeSet } from "./nvd-range-types";
import type { RangeJudgement } from "./range-verdict";
import { compareSegments, readDataVersion, readDeviceVersion, type VersionScheme } from "./version-schemes";

// CNAs write "12.4.3-03093 (platform-hotfix) and earlier versions" / "7.1.1-7058 and older versions".
const AND_EARLIER = /^(\S+)(?:\s+\([^)]{0,40}\))?\s+(?:and|or)\s+(?:earlier|older|prior)\b/i;

/** A free-text "X and earlier" statement as the range "≤ X"; other statements unchanged. */
function readEarlierPhrase(v: CnaVersion): CnaVersion {
  const m = v.lessThan || v.lessThanOrEqual ? null : AND_EARLIER.exec(v.version);
  return m ? { ...v, version: "0", lessThanOrEqual: m[1] } : v;
}

/** Whether a CNA product name ("SMA1000", "Junos OS") names the device's product line. */
function namesLine(cnaProduct: string, line: ProductLine): boolean {
  const tokens = tokeniseText(cnaProduct);
  return line.phrases.some((p) => p.length > 0 && findPhrase(tokens, p) >= 0);
}

/**
 * Where NVD has not analysed a CVE, the CNA's own `affected` block (CVE 5) is the only range data. It is a
 * vendor statement in free version syntax: a version inside an "affected" entry makes the device affected;
 * a version outside is NOT taken as "not affected" (NVD-SOURCE.md), so it stays unknown with the statement.
 */
export function judgeCnaStatement(
  record: NvdRangeRecord,
  set: NvdRangeSet,
  line: ProductLine,
  scheme: VersionScheme,
  device: { version?: string },
): RangeJudgement {
  const dates = { recordDate: record.nvdLastModified.slice(0, 10), retrieved: set.retrieved };
  const entries = (record.cnaAffected ?? [])
    .flatMap((a) => a.affectedData)
    .filter((d) => !d.product || namesLine(d.product, line));
  const statements = entries.flatMap((d) =>
    (d.versions ?? []).filter((v) => v.status === "affected").map((v) => ({ product: d.product ?? "", v })),
  );
  const text = statements
    .slice(0, 4)
    .map(
      ({ product, v }) =>
        `${product} ${v.version}${v.lessThan ? ` – <${v.lessThan}` : v.lessThanOrEqual ? ` – ${v.lessThanOrEqual}` : ""}`,
    )
    .join("; ");
  const base = { kind: "cve5-cna" as const, ...dates, range: null };
  const segments = device.version ? readDeviceVersion(device.version, scheme) : null;
  if (segments) {
    for (const { product, v: stated } of statements) {
      const v = readEarlierPhrase(stated);
      const low = v.version === "0" || v.version === "*" ? [] : readDataVersion(v.version, undefined, scheme);
      const high = v.lessThan ?? v.lessThanOrEqual;
      const top = high ? readDataVersion(high, undefined, scheme) : null;
      if (!low || (high && !top)) continue;
      const aboveLow = compareSegments(segments, low) >= 0;
      const belowHigh = !top
        ? compareSegments(segments, low) === 0
        : v.lessThan
          ? compareSegments(segments, top) < 0
          : compareSegments(segments, top) <= 0;
      if (aboveLow && belowHigh) {
        const range = `${product} ${v.version}${high ? ` – ${v.lessThan ? "<" : ""}${high}` : ""}`;
        return {
          verdict: "affected",
          basis: {
            ja: `ベンダー（CNA）の記載（CVE レコード ${dates.recordDate}、NVD 未分析）: ${range} が影響を受けます。${device.version} はこの範囲内 → 該当`,
            en: `Vendor (CNA) statement (CVE record of ${dates.recordDate}, not yet analysed by NVD): ${range} affected; ${device.version} is inside → affected`,
          },
          basisData: { ...base, range },
          fixedVersion: v.lessThan ?? null,
        };
      }
    }
  }
  return {
    verdict: "version-unknown",
    basis: {
      ja: `NVD は未分析です（${dates.recordDate}）。ベンダー（CNA）の記載: ${text || "なし"}。範囲外でも自動では対象外としません。ベンダーの勧告で確認してください。`,
      en: `Not yet analysed by NVD (${dates.recordDate}). Vendor (CNA) statement: ${text || "none"}. Sonae does not derive "not affected" from it; check the vendor advisory.`,
    },
    basisData: base,
    fixedVersion: null,
  };
}
