import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { hubExchangeEn, hubExchangeJa } from "../components/hub-exchange/locales";
import { hubAdminEn, hubAdminJa } from "../hub/admin/admin-locales";
import { hubCardsEn, hubCardsJa } from "../hub/cards/cards-locales";
import { hubReportEn, hubReportJa } from "../hub/case/report-view-locales";
import { hubInsightsEn, hubInsightsJa } from "../hub/insights/insights-locales";
import { hubEn, hubJa } from "../hub/locales";
import { hubPhishingEn, hubPhishingJa } from "../hub/phishing/phishing-locales";
import { publicReportEn, publicReportJa } from "../hub/public-report/locales";
import { evidenceEn, evidenceJa } from "../org/evidence/locales";
import { triageSigmaEn, triageSigmaJa } from "../org/evidence/sigma-locales";
import { incidentExportEn, incidentExportJa } from "../org/incidents/export-locales";
import { incidentsEn, incidentsJa } from "../org/incidents/locales";
import { plansEn, plansJa } from "../org/plans/locales";
import { policeReportEn, policeReportJa } from "../org/police-report/locales";
import { ransomwareEn, ransomwareJa } from "../org/ransomware/locales";
import { readinessEn, readinessJa } from "../org/readiness/locales";
import { en } from "./en";
import { ja } from "./ja";

const STORAGE_KEY = "sonae.lang";

function initialLanguage(): "ja" | "en" {
  const stored = typeof localStorage !== "undefined" ? localStorage.getItem(STORAGE_KEY) : null;
  return stored === "en" ? "en" : "ja";
}

void i18n.use(initReactI18next).init({
  // One namespace per area (<room>/<area>/locales.ts) so areas never edit each other's texts.
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
      hubAdmin: hubAdminJa,
      hubPhishing: hubPhishingJa,
      hubCards: hubCardsJa,
      hubReport: hubReportJa,
      hubExchange: hubExchangeJa,
      policeReport: policeReportJa,
      publicReport: publicReportJa,
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
      hubAdmin: hubAdminEn,
      hubPhishing: hubPhishingEn,
      hubCards: hubCardsEn,
      hubReport: hubReportEn,
      hubExchange: hubExchangeEn,
      policeReport: policeReportEn,
      publicReport: publicReportEn,
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
