/**
 * Police numbers that are national public facts, with their source. Prefectural desk numbers are NOT here:
 * no verified current list is available to ship (shared/data/README.md), so the organisation records its own
 * desk with the date it verified it, and the page links to the National Police Agency's official list.
 */
export const NPA_DESK_LIST_URL = "https://www.npa.go.jp/bureau/cyber/soudan.html";

export const BUILT_IN_POLICE_NUMBERS = {
  emergency: {
    number: "110",
    label: {
      ja: "緊急時（被害が拡大している、脅迫を受けている等）",
      en: "Emergencies (damage spreading, threats received)",
    },
    // The notice of 2025-01-31 does not itself print 110; the prefectural police pages on the NPA's online window
    // say urgent matters go to 110 (Saitama prefectural police, REPORTING.md §1), and 110 is the nationwide number.
    source: {
      ja: "全国共通の警察への緊急通報番号。警察庁のオンライン相談窓口の案内でも、緊急の場合は110番とされています（埼玉県警察の案内）",
      en: "The nationwide police emergency number; the guidance for the NPA's online window says urgent matters go to 110 (Saitama prefectural police)",
      url: NPA_DESK_LIST_URL,
    },
  },
  consultation: {
    number: "#9110",
    label: { ja: "警察相談専用電話（緊急でない相談）", en: "Police consultation line (non-urgent)" },
    source: {
      ja: "政府広報オンライン「警察に対する相談は警察相談専用電話「#9110」番へ」",
      en: "Government of Japan public relations: police consultation line #9110",
      url: "https://www.gov-online.go.jp/useful/article/201309/2.html",
    },
  },
} as const;
