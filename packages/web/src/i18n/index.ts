import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { evidenceEn, evidenceJa } from "../features/evidence/locales";
import { triageSigmaEn, triageSigmaJa } from "../features/evidence/sigma-locales";
import { hubInsightsEn, hubInsightsJa } from "../features/hub/insights-locales";
import { hubEn, hubJa } from "../features/hub/locales";
import { hubReportEn, hubReportJa } from "../features/hub/report-view-locales";
import { incidentExportEn, incidentExportJa } from "../features/incidents/export-locales";
import { incidentsEn, incidentsJa } from "../features/incidents/locales";
import { plansEn, plansJa } from "../features/plans/locales";
import { ransomwareEn, ransomwareJa } from "../features/ransomware/locales";
import { readinessEn, readinessJa } from "../features/readiness/locales";
import { en } from "./en";
import { ja } from "./ja";

const STORAGE_KEY = "sonae.lang";

function initialLanguage(): "ja" | "en" {
  const stored = typeof localStorage !== "undefined" ? localStorage.getItem(STORAGE_KEY) : null;
  return stored === "en" ? "en" : "ja";
}

void i18n.use(initReactI18next).init({
  // One namespace per area (features/<area>/locales.ts) so areas never edit each other's texts.
  resources: {
    ja: {
      translation: ja,
      readiness: readinessJa,
      plans: plansJa,
      incidents: incidentsJa,
      incidentExport: incidentExportJa,
      evidence: evidenceJa,
      triageSigma: triageSigmaJa,
      hub: hubJa,
      hubInsights: hubInsightsJa,
      hubReport: hubReportJa,
      ransomware: ransomwareJa,
    },
    en: {
      translation: en,
      readiness: readinessEn,
      plans: plansEn,
      incidents: incidentsEn,
      incidentExport: incidentExportEn,
      evidence: evidenceEn,
      triageSigma: triageSigmaEn,
      hub: hubEn,
      hubInsights: hubInsightsEn,
      hubReport: hubReportEn,
      ransomware: ransomwareEn,
    },
  },
  lng: initialLanguage(),
  fallbackLng: "ja",
  interpolation: { escapeValue: false },
});

i18n.on("languageChanged", (lng) => {
  localStorage.setItem(STORAGE_KEY, lng);
  document.documentElement.lang = lng;
});
if (typeof document !== "undefined") document.documentElement.lang = i18n.language;

export default i18n;
