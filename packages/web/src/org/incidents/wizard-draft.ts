import type { TIncidentDetail, TIncidentSymptom, TUpdateIncidentRequest } from "@sonae/core";
import { fromLocalInput, toLocalInput } from "./incident-format";

export type TerminalDraft = {
  host: string;
  userName: string;
  os: string;
  role: TIncidentDetail["terminals"][number]["role"];
  encrypted: "yes" | "no" | "unknown";
  symptoms: string;
  isolatedAt: string;
  powerState: "on" | "off" | "unknown";
};

/** What the wizard edits: form values as typed (local date-times), saved to localStorage on every change. */
export type WizardDraft = {
  step: number;
  symptoms: TIncidentSymptom[];
  title: string;
  discoveredAt: string;
  discoveredBy: string;
  discoveredHow: string;
  learnedAt: string;
  firstAnomalyAt: string;
  personalData: "yes" | "no" | "unknown";
  terminals: TerminalDraft[];
  summary: string;
  intrusionMethod: TIncidentDetail["intrusionMethod"];
  request: TIncidentDetail["request"];
};

export const WIZARD_STEPS = ["what", "when", "terminals", "review"] as const;
export const emptyTerminal = (): TerminalDraft => ({
  host: "",
  userName: "",
  os: "",
  role: "pc",
  encrypted: "unknown",
  symptoms: "",
  isolatedAt: "",
  powerState: "unknown",
});

const storageKey = (id: string) => `sonae.incident-draft.${id}`;

/** The draft for an incident: what this device kept (unsaved input survives a reload), else the server's copy. */
export function loadDraft(detail: TIncidentDetail): WizardDraft {
  const stored = localStorage.getItem(storageKey(detail.id));
  if (stored) {
    try {
      return JSON.parse(stored) as WizardDraft;
    } catch {
      localStorage.removeItem(storageKey(detail.id));
    }
  }
  return {
    // A draft resumes where it stopped; editing an open incident starts from the beginning.
    step: detail.status === "draft" ? Math.max(0, WIZARD_STEPS.indexOf(detail.wizardStep)) : 0,
    symptoms: detail.symptoms,
    title: detail.title,
    discoveredAt: toLocalInput(detail.discoveredAt),
    discoveredBy: detail.discoveredBy ?? "",
    discoveredHow: detail.discoveredHow ?? "",
    learnedAt: toLocalInput(detail.learnedAt),
    firstAnomalyAt: toLocalInput(detail.firstAnomalyAt),
    personalData: detail.personalData,
    terminals: detail.terminals.map((t) => ({
      ...t,
      userName: t.userName ?? "",
      os: t.os ?? "",
      symptoms: t.symptoms ?? "",
      isolatedAt: toLocalInput(t.isolatedAt),
    })),
    summary: detail.summary ?? "",
    intrusionMethod: detail.intrusionMethod,
    request: detail.request,
  };
}

export function saveDraft(id: string, draft: WizardDraft): void {
  localStorage.setItem(storageKey(id), JSON.stringify(draft));
}

export function clearDraft(id: string): void {
  localStorage.removeItem(storageKey(id));
}

const orNull = (s: string) => s.trim() || null;

/** The PATCH body of one wizard step (only that step's fields). */
export function stepBody(draft: WizardDraft, step: number): TUpdateIncidentRequest {
  const wizardStep = WIZARD_STEPS[Math.min(step + 1, 3)];
  if (step === 0)
    return { wizardStep, symptoms: draft.symptoms, ...(draft.title.trim() ? { title: draft.title } : {}) };
  if (step === 1)
    return {
      wizardStep,
      discoveredAt: fromLocalInput(draft.discoveredAt),
      discoveredBy: orNull(draft.discoveredBy),
      discoveredHow: orNull(draft.discoveredHow),
      learnedAt: fromLocalInput(draft.learnedAt),
      firstAnomalyAt: fromLocalInput(draft.firstAnomalyAt),
      personalData: draft.personalData,
    };
  if (step === 2)
    return {
      wizardStep,
      terminals: draft.terminals
        .filter((t) => t.host.trim())
        .map((t) => ({
          ...t,
          userName: orNull(t.userName),
          os: orNull(t.os),
          symptoms: orNull(t.symptoms),
          isolatedAt: fromLocalInput(t.isolatedAt),
        })),
    };
  return {
    wizardStep: "review",
    summary: orNull(draft.summary),
    intrusionMethod: draft.intrusionMethod,
    request: draft.request,
    status: "open",
  };
}
