import type { TDeadlineView, TObligationRule } from "./deadline-contracts";
import type { TIncidentSymptom } from "./incident-contracts";
import type { TPpcAssessmentView } from "./ppc-assessment";

const DAY_MS = 86_400_000;

export type DeadlineIncident = {
  learnedAt: string | null;
  personalData: "yes" | "no" | "unknown";
  symptoms: readonly TIncidentSymptom[];
  /** The four 規則7条 questions as answered (assessPpc). */
  ppc: TPpcAssessmentView;
};

export type RecordedReport = {
  obligationId: string;
  status: "pending" | "done" | "not_applicable";
  doneAt: string | null;
  recipient: string | null;
  officer: string | null;
  referenceNumber: string | null;
  note: string | null;
};

/**
 * Deadlines of one incident: each rule's due date counted from when the organisation learned of the
 * incident (施行規則 第8条 counts from 「知った時」). Personal-data rules wait for the four 規則7条
 * questions: unanswered, no PPC date is shown (the UI asks them); four "no" answers or no personal
 * data drop them; a "yes" or an "unknown" keeps them, because missing the PPC report is the costlier
 * error. The final report gets 60 days when 3号 (unauthorised purpose) holds. Without `learnedAt` no
 * date is computed (the UI asks for it).
 */
export function computeDeadlines(
  rules: readonly TObligationRule[],
  incident: DeadlineIncident,
  reports: readonly RecordedReport[],
  now: Date,
): TDeadlineView[] {
  const learned = incident.learnedAt ? Date.parse(incident.learnedAt) : null;
  const unauthorised = incident.ppc.finalReportDays === 60;
  const ppcStatus = incident.ppc.status;
  return rules.map((rule) => {
    const report = reports.find((r) => r.obligationId === rule.id);
    const personal = rule.appliesWhen === "personal-data";
    const ruledOut = incident.personalData === "no" || ppcStatus === "not-reportable";
    const awaitingPpcAssessment = personal && !ruledOut && ppcStatus === "unanswered";
    const applies = !personal || (!ruledOut && !awaitingPpcAssessment);
    let dueAt: string | null = null;
    let dueFrom: string | null = null;
    if (applies && rule.due && learned !== null) {
      const days = unauthorised ? (rule.due.unauthorisedPurposeDays ?? rule.due.days) : rule.due.days;
      dueAt = new Date(learned + days * DAY_MS).toISOString();
      if (rule.due.earliestDays) dueFrom = new Date(learned + rule.due.earliestDays * DAY_MS).toISOString();
    }
    const status = report?.status ?? (applies || awaitingPpcAssessment ? "pending" : "not_applicable");
    return {
      obligationId: rule.id,
      title: rule.title,
      mandatory: rule.mandatory,
      applies,
      awaitingPpcAssessment,
      dueAt,
      dueFrom,
      dueText: rule.dueText,
      rule: rule.rule,
      source: rule.source,
      status,
      doneAt: report?.doneAt ?? null,
      recipient: report?.recipient ?? null,
      officer: report?.officer ?? null,
      referenceNumber: report?.referenceNumber ?? null,
      note: report?.note ?? null,
      overdue: status === "pending" && dueAt !== null && Date.parse(dueAt) < now.getTime(),
    };
  });
}
