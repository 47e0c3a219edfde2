import type { TBlock, TDocument } from "../shared/document-blocks";
import { createPlanContext, fill } from "./plan-context";
import { parsePlanModel, type TLang, type TPlanKind, type TPlanModel } from "./plan-model";
import { buildGeneratedSection } from "./plan-sections";
import { loadPlanCommon, loadPlanTemplate } from "./plan-template";

/**
 * Builds the format-neutral document of a plan from the organisation's record and the templates in
 * content/plans/. Validates the model first: bad input throws before anything is rendered.
 */
export function buildPlanDocument(
  kind: TPlanKind,
  input: unknown,
  lang: TLang,
  contentDir?: string,
): TDocument {
  const model: TPlanModel = parsePlanModel(input);
  const common = loadPlanCommon(lang, contentDir);
  const template = loadPlanTemplate(kind, lang, contentDir);
  const ctx = createPlanContext(model, common, lang);
  const blocks: TBlock[] = [];
  for (const section of template.sections) {
    blocks.push({ type: "heading", level: 1, text: fill(ctx, section.heading) });
    for (const p of section.paragraphs ?? []) blocks.push({ type: "paragraph", text: fill(ctx, p) });
    if (section.generate) blocks.push(...buildGeneratedSection(section.generate, ctx));
  }
  return {
    lang,
    title: template.title,
    createdAt: model.version.generatedAt,
    metaLines: [
      fill(ctx, common.meta.organisation),
      fill(ctx, common.meta.version),
      fill(ctx, model.version.approvedBy ? common.meta.approved : common.meta.notApproved),
    ],
    confidentiality: common.confidentiality,
    blocks,
    sources: common.sources,
  };
}
