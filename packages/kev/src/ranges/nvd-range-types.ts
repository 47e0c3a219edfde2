/**
 * NVD applicability data for KEV entries, in the shape of `content/kev/nvd-kev-configurations.json.gz`
 * (see content/kev/NVD-SOURCE.md): per CVE the NVD `configurations` array copied unchanged, or, where NVD
 * has none, the CVE 5 CNA `affected` block. NVD CVE API 2.0 responses are converted into the same shape.
 */

export interface NvdCpeMatch {
  vulnerable: boolean;
  criteria: string;
  versionStartIncluding?: string;
  versionStartExcluding?: string;
  versionEndIncluding?: string;
  versionEndExcluding?: string;
}

export interface NvdConfiguration {
  operator?: string;
  nodes: { operator?: string; negate?: boolean; cpeMatch: NvdCpeMatch[] }[];
}

/** CVE 5 `affected[].versions[]`: a vendor statement in the vendor's own version syntax. */
export interface CnaVersion {
  version: string;
  status: string;
  lessThan?: string;
  lessThanOrEqual?: string;
  versionType?: string;
}

export interface CnaAffected {
  source?: string;
  affectedData: { vendor?: string; product?: string; defaultStatus?: string; versions?: CnaVersion[] }[];
}

export interface NvdRangeRecord {
  /** NVD's `lastModified` of the record used: the date every verdict from it shows. */
  nvdLastModified: string;
  /** "nvd" or "cve5-cna". */
  source: string;
  configurations: NvdConfiguration[];
  noConfigurationsReason?: string;
  cnaAffected?: CnaAffected[];
}

/** One file of range data: shipped, fetched from the NVD API or uploaded. */
export interface NvdRangeFile {
  note?: string;
  source: string;
  /** Day the records were read (YYYY-MM-DD). */
  retrieved: string;
  cves: Record<string, NvdRangeRecord>;
}

/** A range file with where Sonae got it ("shipped", "fetched:<url>", "uploaded:<name>"). */
export interface NvdRangeSet extends NvdRangeFile {
  origin: string;
}

/** Required by NVD's terms of use wherever its data is shown. */
export const NVD_NOTICE =
  "This product uses data from the NVD API but is not endorsed or certified by the NVD.";
