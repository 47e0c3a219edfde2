import { fillPlaceholders } from "../shared/fill-placeholders";
import { formatDate, formatDateTime } from "../shared/format-date";
import type { TLang, TPlanModel } from "./plan-model";
import type { TPlanCommon } from "./plan-template";

/** What every section generator needs: the model, the wording and the placeholder values. */
export interface TPlanContext {
  model: TPlanModel;
  common: TPlanCommon;
  lang: TLang;
  values: Record<string, string>;
}

/** Names of the devices whose logs live only in memory: they must stay powered (police advice). */
export function listMemoryLogDevices(model: TPlanModel): string[] {
  return model.devices.filter((d) => d.logLocation === "memory").map((d) => d.name);
}

/** Builds the placeholder values shared by all template text. */
export function createPlanContext(model: TPlanModel, common: TPlanCommon, lang: TLang): TPlanContext {
  const sep = lang === "ja" ? "、" : ", ";
  const none = common.labels.notRecorded;
  const desk = model.police.desk;
  const insurer = model.externalParties.find((p) => p.kind === "insurer");
  const memoryDevices = listMemoryLogDevices(model);
  const values: Record<string, string> = {
    "org.name": model.organisation.name,
    "org.prefecture": model.organisation.prefecture,
    "org.industry": model.organisation.industry ?? none,
    "version.number": model.version.number,
    "version.generatedAt": formatDateTime(model.version.generatedAt, lang),
    "version.approvedBy": model.version.approvedBy ?? none,
    "desk.name": desk?.name ?? none,
    "desk.phone": desk?.phone ?? none,
    "desk.url": desk?.url ?? none,
    "desk.verifiedAt": desk ? formatDate(desk.verifiedAt) : none,
    memoryDevices: memoryDevices.length > 0 ? memoryDevices.join(sep) : common.firstResponse.noMemoryDevices,
    insurer: insurer
      ? [insurer.organisation, insurer.hotline ?? insurer.phone, insurer.policyNumber]
          .filter((v): v is string => Boolean(v))
          .join(" / ")
      : none,
  };
  const ctx = { model, common, lang, values };
  values.policeContact = fill(ctx, desk ? common.police.stepContact : common.police.stepContactMissing);
  return ctx;
}

/** Fills a template string with the context's values (plus optional extra ones). */
export function fill(ctx: TPlanContext, text: string, extra: Record<string, string> = {}): string {
  return fillPlaceholders(text, { ...ctx.values, ...extra });
}

/** The five first-response steps, filled: shared by the plans and the emergency card. */
export function buildFirstSteps(ctx: TPlanContext): string[] {
  return ctx.common.firstResponse.steps.map((step) => fill(ctx, step));
}
