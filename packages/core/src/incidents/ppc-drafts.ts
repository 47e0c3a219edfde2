import type { TIncidentDetail } from "./incident-detail";
import {
  CONDITION_TEXT,
  type DraftLang,
  FILL,
  INTRUSION_TEXT,
  PPC_ITEM_LABELS,
  SYMPTOM_TEXT,
} from "./ppc-draft-texts";

export type PpcDraftItem = { no: number; label: string; text: string; needsInput: boolean };
export type PpcDrafts = {
  /** 速報 (規則8条1項, promptly): what is known now; the rest "under investigation". */
  prompt: PpcDraftItem[];
  /** 確報 (30 / 60 days): all nine items; what the record cannot tell is marked for the person. */
  final: PpcDraftItem[];
  /** Notice to the individuals (法26条2項, 規則10条): items 1, 2, 4, 5 and 9 as a letter. */
  notice: string;
};

type Source = Pick<
  TIncidentDetail,
  | "title"
  | "summary"
  | "symptoms"
  | "discoveredAt"
  | "discoveredHow"
  | "learnedAt"
  | "intrusionMethod"
  | "intrusionDetail"
  | "demand"
  | "family"
  | "timeline"
  | "deadlines"
  | "ppc"
>;

/** Japan time, minutes: the PPC form and a letter to individuals read local time. */
function jst(iso: string | null, lang: DraftLang): string {
  if (!iso) return lang === "ja" ? "（日時未記録）" : "(time not recorded)";
  const d = new Date(Date.parse(iso) + 9 * 3_600_000).toISOString();
  return lang === "ja"
    ? `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日 ${d.slice(11, 16)}`
    : `${d.slice(0, 10)} ${d.slice(11, 16)} JST`;
}

function itemTexts(i: Source, lang: DraftLang, final: boolean): [string, boolean][] {
  const a = i.ppc.answers;
  const unknown = (what: string): [string, boolean] => [
    final ? FILL[lang].required(what) : FILL[lang].investigating,
    final,
  ];
  const ja = lang === "ja";
  const what = i.symptoms.map((s) => SYMPTOM_TEXT[lang][s]).join(ja ? "、" : ", ");
  const outline = ja
    ? `${jst(i.discoveredAt, lang)}頃、${i.discoveredHow ?? "社内"}により${what || "事象"}を確認した（${i.title}）。当社が事態を知った日時: ${jst(i.learnedAt, lang)}。${i.summary ?? ""}`
    : `Around ${jst(i.discoveredAt, lang)}, ${what || "an incident"} was found (${i.title}; ${i.discoveredHow ?? "found internally"}). We learned of it at ${jst(i.learnedAt, lang)}. ${i.summary ?? ""}`;
  const cause = [
    INTRUSION_TEXT[lang][i.intrusionMethod] ?? INTRUSION_TEXT[lang].unknown,
    i.family?.familyName &&
      (ja ? `ランサムウェア（${i.family.familyName}）` : `ransomware (${i.family.familyName})`),
    i.intrusionDetail,
  ].filter(Boolean);
  const harm = [
    (i.demand?.leakSiteClaim === "yes" || i.symptoms.includes("data_leak_claim")) &&
      (ja ? "攻撃者が窃取した情報の公開を主張している。" : "The attacker claims to publish stolen data."),
    a?.financialHarm === "yes" &&
      (ja
        ? "クレジットカード番号等の不正利用による財産的被害のおそれがある。"
        : "Card numbers or similar may be misused for financial harm."),
  ].filter(Boolean) as string[];
  const individuals = i.deadlines.find((d) => d.obligationId === "individuals");
  const police = i.deadlines.find((d) => d.obligationId === "police");
  const actions = i.timeline
    .filter((e) => e.isAction)
    .slice(0, 10)
    .map((e) => `${jst(e.at, lang)} ${e.text}`);
  const conditions = a
    ? (["sensitiveData", "financialHarm", "unauthorisedPurpose", "over1000"] as const)
        .filter((c) => a[c] === "yes")
        .map((c) => CONDITION_TEXT[lang][c])
    : [];
  const other = [
    conditions.length &&
      (ja ? `該当する事態: ${conditions.join("、")}` : `Reportable because: ${conditions.join("; ")}`),
    police?.status === "done" &&
      (ja
        ? `${jst(police.doneAt, lang)}に${police.recipient ?? "警察"}へ通報・相談済み${police.referenceNumber ? `（受理番号 ${police.referenceNumber}）` : ""}。`
        : `Reported to ${police.recipient ?? "the police"} at ${jst(police.doneAt, lang)}${police.referenceNumber ? ` (reference ${police.referenceNumber})` : ""}.`),
    a?.encryptedAtRest === "yes" &&
      (ja
        ? "対象データは暗号化されていた（高度な暗号化に当たるか要確認）。"
        : "The data was encrypted (check whether this counts as strong encryption)."),
  ].filter(Boolean) as string[];
  return [
    [outline.trim(), false],
    a?.dataItems
      ? [a.dataItems, false]
      : unknown(ja ? "個人データの項目（氏名、住所、電話番号等）" : "items of personal data"),
    a?.affectedCount != null
      ? [ja ? `${a.affectedCount.toLocaleString("ja-JP")}人` : `${a.affectedCount} individuals`, false]
      : unknown(ja ? "本人の数（概数可）" : "number of individuals (estimate allowed)"),
    [cause.join(ja ? "。" : ". "), i.intrusionMethod === "unknown" && final],
    harm.length
      ? [harm.join(" "), false]
      : unknown(ja ? "二次被害の有無と内容" : "secondary harm and its nature"),
    individuals?.status === "done"
      ? [
          ja
            ? `${jst(individuals.doneAt, lang)}に本人へ通知した。`
            : `Individuals notified at ${jst(individuals.doneAt, lang)}.`,
          false,
        ]
      : unknown(
          ja
            ? "本人への通知の方法・時期（通知が困難な場合は代替措置）"
            : "how and when individuals are notified (or the substitute)",
        ),
    unknown(ja ? "公表の有無・時期（公表しない場合はその旨）" : "whether and when the incident is published"),
    actions.length
      ? [actions.join("\n"), false]
      : unknown(ja ? "実施済み・予定の再発防止策" : "measures taken or planned"),
    other.length
      ? [other.join("\n"), false]
      : unknown(ja ? "その他参考となる事項" : "other relevant matters"),
  ];
}

function items(i: Source, lang: DraftLang, final: boolean): PpcDraftItem[] {
  return itemTexts(i, lang, final).map(([text, needsInput], n) => ({
    no: n + 1,
    label: PPC_ITEM_LABELS[lang][n]!,
    text,
    needsInput: needsInput || text.startsWith(FILL[lang].required("")),
  }));
}

/**
 * Drafts for the PPC's web form (速報 and 確報, the nine items of 規則8条1項) and the notice to the
 * individuals (規則10条: items 1, 2, 4, 5, 9), filled from the incident. The person checks, completes
 * the marked parts and copies them into the form; nothing is sent from here.
 */
export function buildPpcDrafts(incident: Source, organisationName: string, lang: DraftLang): PpcDrafts {
  const final = items(incident, lang, true);
  const pickItem = (n: number) => final[n - 1]!;
  const ja = lang === "ja";
  const notice = [
    ja ? "【個人情報の漏えい等に関するお詫びとお知らせ】" : "Notice concerning a leak of your personal data",
    "",
    ...[1, 2, 4, 5, 9].flatMap((n) => [
      pickItem(n).label.replace(/^\d+\. /, ja ? "■ " : "- "),
      pickItem(n).text,
      "",
    ]),
    ja ? "■ お問い合わせ先" : "- Contact",
    FILL[lang].required(
      ja ? "問合せ窓口（電話番号・受付時間・メール）" : "contact desk (phone, hours, e-mail)",
    ),
    "",
    organisationName,
  ].join("\n");
  return { prompt: items(incident, lang, false), final, notice };
}
