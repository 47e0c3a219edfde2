import type { TKbFamily } from "../kb/kb-schema";
import type { TGuidance } from "../result-schema";

const NPA_CITATION =
  "警察庁サイバー警察局『令和7年におけるサイバー空間をめぐる脅威の情勢等について』（令和8年3月）特集Ⅱ";

/** What to keep for the police and for a future decryptor (report 特集Ⅱ 4; NPA notice on preservation). */
const PRESERVE: TGuidance["preserve"] = [
  {
    ja: "ランサムノートをそのまま保存する（開いて編集しない。ファイル名も記録する）",
    en: "Keep the ransom note as it is (do not edit it; record its file name)",
  },
  {
    ja: "暗号化されたファイルを数個、元の名前と拡張子のまま別媒体にコピーして保存する（復号ツールの検証に必要）",
    en: "Copy a few encrypted files, with their names and extension unchanged, to separate media (needed to test a decryptor)",
  },
  {
    ja: "暗号化ファイルの拡張子と、ノートに書かれた連絡先・ID を記録する",
    en: "Record the extension and the contact addresses and ID written in the note",
  },
  {
    ja: "感染端末は電源を切らずにネットワークから隔離し、ログ（特にインターネットに面した機器のログ）を保全する",
    en: "Isolate infected machines from the network without switching them off, and preserve logs, above all of internet-facing devices",
  },
  { ja: "暗号化されたファイルを削除・改名しない", en: "Do not delete or rename encrypted files" },
];

const PAYMENT: TGuidance["payment"] = {
  summary: {
    ja: "警察は、身代金の支払いについて「犯罪グループ等の活動資金となることが懸念される」「暗号化されたデータの復号が保証されるわけではない」と説明しています。また、支払いの有無を含む被害情報の提供など捜査への協力を求めています。",
    en: "The police explain that paying a ransom risks funding criminal groups and does not guarantee that the data will be decrypted, and they ask victims to share information on the damage, including whether they paid.",
  },
  citation: NPA_CITATION,
};

const POLICE_GENERAL: TGuidance["policeTools"] = {
  ja: "警察は、被害組織の状況に応じて、初動対応に対する助言や復号ツールの提供等の支援を行うことができます。最寄りの警察署または都道府県警察のサイバー犯罪相談窓口に早めに相談してください。",
  en: "The police can help according to the victim's situation, with first-response advice and decryption tools. Contact your nearest police station or the prefectural police cyber-crime desk early.",
};

const CHECK_LIVE: TGuidance["checkLive"] = [
  {
    label: { ja: "No More Ransom 復号ツール一覧（最新）", en: "No More Ransom decryption tools (current)" },
    url: "https://www.nomoreransom.org/ja/decryption-tools.html",
  },
  {
    label: { ja: "警察庁 サイバー犯罪相談窓口", en: "NPA: cyber-crime consultation desks" },
    url: "https://www.npa.go.jp/bureau/cyber/soudan.html",
  },
];

/** Guidance for one identified family, or general guidance when the family is unknown. */
export function buildGuidance(family: TKbFamily | null, nmrAsOf: string): TGuidance {
  const decryptors = family?.decryptors ?? [];
  const hasNmr = decryptors.some((d) => d.source === "nomoreransom");
  const hasPolice = decryptors.some((d) => d.source === "npa-report");
  const name = family?.displayName ?? "";
  let decryptorStatus: TGuidance["decryptorStatus"];
  if (!family) {
    decryptorStatus = {
      ja: "ファミリーを特定できなかったため、復号ツールの有無は判断できません。警察に相談し、No More Ransom の最新一覧も確認してください。",
      en: "The family could not be identified, so whether a decryptor exists is unknown. Consult the police and check No More Ransom's current list.",
    };
  } else if (hasNmr || hasPolice) {
    const where = [
      hasPolice ? { ja: "警察庁の年次報告（令和8年3月）", en: "the NPA annual report (March 2026)" } : null,
      hasNmr
        ? { ja: `No More Ransom の一覧（${nmrAsOf} 時点）`, en: `No More Ransom's list (as of ${nmrAsOf})` }
        : null,
    ].filter((w) => w !== null);
    decryptorStatus = {
      ja: `${name} について無料の復号ツールが知られています（出典: ${where.map((w) => w.ja).join("、")}）。対象のバージョンに合うかは、保存した暗号化ファイルのコピーで確認してください。`,
      en: `A free decryptor is known for ${name} (source: ${where.map((w) => w.en).join(" and ")}). Check on copies of the preserved encrypted files that it covers your version.`,
    };
  } else {
    decryptorStatus = {
      ja: `${nmrAsOf} 時点の No More Ransom 一覧には ${name} の無料復号ツールはありません。その後に公開された可能性があるため、最新の一覧を確認し、警察に相談してください。`,
      en: `No free decryptor for ${name} was on the No More Ransom list as of ${nmrAsOf}. One may have been published since: check the current list and consult the police.`,
    };
  }
  return {
    family: family?.id ?? null,
    decryptors,
    decryptorStatus,
    policeTools: family?.policeTool
      ? {
          ja: `${family.policeTool.summary.ja}\n${POLICE_GENERAL.ja}`,
          en: `${family.policeTool.summary.en}\n${POLICE_GENERAL.en}`,
        }
      : POLICE_GENERAL,
    preserve: PRESERVE,
    payment: PAYMENT,
    checkLive: CHECK_LIVE,
  };
}
