import { buildFirstSteps, createPlanContext, fill } from "../plan/plan-context";
import { parsePlanModel, type TLang } from "../plan/plan-model";
import { loadPlanCommon } from "../plan/plan-template";
import type { TTableColumn } from "../shared/document-blocks";

/** Everything printed on the emergency card, as plain text. */
export interface TCardContent {
  title: string;
  createdAt: string;
  confidentiality: string;
  organisation: string;
  policeHeading: string;
  policeDesk: string;
  policeDeskMissing: boolean;
  emergency: string;
  consultation: string;
  stepsHeading: string;
  steps: string[];
  contactsHeading: string;
  contactColumns: TTableColumn[];
  contactRows: string[][];
  footnote: string;
}

const CARD_TEXT = {
  ja: {
    title: "緊急連絡カード",
    steps: "最初の5手順",
    contacts: "社内・外部の連絡先",
    footnote: "このカードを印刷し、ネットワークが使えないときにも手に取れる場所に置いてください。",
  },
  en: {
    title: "Emergency contact card",
    steps: "The first five steps",
    contacts: "Team and external contacts",
    footnote: "Print this card and keep it where it can be reached when the network is down.",
  },
} as const;

/** Builds the card content from the plan model and the same wording as the plans. */
export function buildPlanCard(input: unknown, lang: TLang): TCardContent {
  const model = parsePlanModel(input);
  const common = loadPlanCommon(lang);
  const ctx = createPlanContext(model, common, lang);
  const text = CARD_TEXT[lang];
  const c = common.labels.columns;
  const desk = model.police.desk;
  const team = model.team.map((m) => [common.labels.roles[m.role], m.name, m.phone, m.afterHoursPhone ?? ""]);
  const parties = model.externalParties.map((p) => [
    common.labels.externalKinds[p.kind],
    p.policyNumber ? `${p.organisation}\n${c.policy}: ${p.policyNumber}` : p.organisation,
    p.phone,
    p.hotline ?? "",
  ]);
  return {
    title: text.title,
    createdAt: model.version.generatedAt,
    confidentiality: common.confidentiality,
    organisation: `${fill(ctx, common.meta.organisation)}　${fill(ctx, common.meta.version)}`,
    policeHeading: common.generated.policeHeading,
    policeDesk: desk ? `${desk.name}  ${desk.phone}` : fill(ctx, common.police.deskMissing),
    policeDeskMissing: !desk,
    emergency: common.police.emergency,
    consultation: common.police.consultation,
    stepsHeading: text.steps,
    steps: buildFirstSteps(ctx),
    contactsHeading: text.contacts,
    contactColumns: [
      { label: c.kind ?? "", weight: 3 },
      { label: c.name ?? "", weight: 5 },
      { label: c.phone ?? "", weight: 3 },
      { label: `${c.afterHours} / ${c.hotline}`, weight: 3 },
    ],
    contactRows: [...team, ...parties],
    footnote: text.footnote,
  };
}
