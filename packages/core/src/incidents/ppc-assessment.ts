import { z } from "zod";
import { impliesUnauthorisedPurpose, type TIncidentSymptom, ZTri } from "./incident-contracts";

/**
 * The four questions of 個人情報保護法施行規則 第7条, asked explicitly before any PPC deadline is shown,
 * with what the report needs besides (規則8条1項 2号・3号: the data items and the number of people).
 */
export const ZPpcAssessment = z.object({
  /** 1号: 要配慮個人情報 (medical, criminal record, …), even one person. */
  sensitiveData: ZTri,
  /** 2号: risk of financial harm through misuse (card numbers, bank credentials), even one person. */
  financialHarm: ZTri,
  /** 3号: possibly done for an unauthorised purpose (unauthorised access, ransomware, phishing, theft). */
  unauthorisedPurpose: ZTri,
  /** 4号: more than 1,000 people. */
  over1000: ZTri,
  affectedCount: z.int().nonnegative().max(1_000_000_000).nullable().default(null),
  dataItems: z.string().trim().max(2000).nullable().default(null),
  /** Strong encryption of the data (規則7条 柱書の除外): recorded, shown in the draft, judged by the person. */
  encryptedAtRest: ZTri.default("unknown"),
});
export type TPpcAssessment = z.infer<typeof ZPpcAssessment>;
export type TPpcAssessmentInput = z.input<typeof ZPpcAssessment>;

export const ZPpcAssessmentView = z.object({
  answers: ZPpcAssessment.nullable(),
  /** unanswered: ask first, no PPC deadline; reportable: a condition holds; uncertain: none yes, some unknown. */
  status: z.enum(["unanswered", "reportable", "uncertain", "not-reportable"]),
  /** The answer the symptoms suggest for 3号 (ransomware, unauthorised access, phishing → yes). */
  suggestedUnauthorisedPurpose: z.boolean(),
  /** Days for the final report (確報): 60 when 3号 holds, otherwise 30 (規則8条2項). */
  finalReportDays: z.union([z.literal(30), z.literal(60)]),
});
export type TPpcAssessmentView = z.infer<typeof ZPpcAssessmentView>;

const CONDITIONS = ["sensitiveData", "financialHarm", "unauthorisedPurpose", "over1000"] as const;

/**
 * The 規則7条 decision from the person's answers. Any "yes" makes the leak reportable; "unknown" with no
 * "yes" keeps the PPC duties visible (uncertain), because a missed report is the costlier error; only
 * four "no" answers mean no report is required.
 */
export function assessPpc(
  answers: TPpcAssessment | null,
  symptoms: readonly TIncidentSymptom[],
): TPpcAssessmentView {
  const suggestedUnauthorisedPurpose = impliesUnauthorisedPurpose(symptoms);
  const status = !answers
    ? "unanswered"
    : CONDITIONS.some((c) => answers[c] === "yes")
      ? "reportable"
      : CONDITIONS.some((c) => answers[c] === "unknown")
        ? "uncertain"
        : "not-reportable";
  return {
    answers,
    status,
    suggestedUnauthorisedPurpose,
    finalReportDays: answers?.unauthorisedPurpose === "yes" ? 60 : 30,
  };
}
