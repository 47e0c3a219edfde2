import type { TKbDecryptor, TKbPoliceTool } from "../../src/kb/kb-schema";

/** Citation of the source for every police fact below (pages in the report's 資料編). */
export const NPA_REPORT_CITATION =
  "警察庁サイバー警察局『令和7年におけるサイバー空間をめぐる脅威の情勢等について』（令和8年3月）特集Ⅱ・資料編94頁・96頁 / National Police Agency, Cyber Affairs Bureau, annual threat report for 2025 (March 2026)";
export const NPA_REPORT_AS_OF = "2026-03";
/** The NPA cyber bureau page the report itself points to; the report says the Phobos/8Base tool is published on the NPA website. */
export const NPA_CYBER_URL = "https://www.npa.go.jp/bureau/cyber/index.html";

const LOCKBIT: { tool: TKbPoliceTool; decryptor: TKbDecryptor } = {
  tool: {
    summary: {
      ja: "警察庁のサイバー特別捜査隊（当時）は、LockBit により暗号化されたデータを復号する独自ツールを開発し、国内の被害回復に活用しています（令和5年12月に EUROPOL へ提供、令和6年2月に世界向けに情報発信）。まず警察に相談してください。",
      en: "The NPA's Cyber Special Investigation Unit developed its own tool that decrypts data encrypted by LockBit and uses it for victims in Japan (given to EUROPOL in December 2023, announced worldwide in February 2024). Contact the police first.",
    },
    citation: NPA_REPORT_CITATION,
  },
  decryptor: {
    name: "LockBit 復号ツール（警察庁開発） / LockBit decryption tool (developed by the NPA)",
    provider: "警察庁 / National Police Agency",
    // The report names no download place for this tool: the police advise case by case.
    url: null,
    knownAsOf: NPA_REPORT_AS_OF,
    source: "npa-report",
  },
};

const PHOBOS_8BASE: { tool: TKbPoliceTool; decryptor: TKbDecryptor } = {
  tool: {
    summary: {
      ja: "令和7年7月、警察庁サイバー特別捜査部は FBI の協力を得て、Phobos/8Base により暗号化されたデータを復号するツールを開発し、警察庁ウェブサイトで公開しています。国内では少なくとも14の被害企業が約87万件のデータを復号できました。",
      en: "In July 2025 the NPA's Cyber Special Investigation Department, with the FBI's help, developed a tool that decrypts data encrypted by Phobos/8Base and published it on the NPA website. In Japan at least 14 victim companies decrypted about 870,000 files with it.",
    },
    citation: NPA_REPORT_CITATION,
  },
  decryptor: {
    name: "Phobos/8Base 復号ツール（警察庁開発） / Phobos/8Base decryption tool (developed by the NPA)",
    provider: "警察庁 / National Police Agency",
    url: NPA_CYBER_URL,
    knownAsOf: NPA_REPORT_AS_OF,
    source: "npa-report",
  },
};

/** Family id → the police tool the report describes for it. */
export const POLICE_TOOLS: Record<string, { tool: TKbPoliceTool; decryptor: TKbDecryptor }> = {
  lockbit: LOCKBIT,
  phobos: PHOBOS_8BASE,
  "8base": PHOBOS_8BASE,
};
