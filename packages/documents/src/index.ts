/**
 * @sonae/documents: pure renderers from typed, JSON-serialisable input models.
 * Plans (issue 4): incident-response manual and cyber-attack BCP as A4 PDF / offline HTML, and the
 * one-page emergency card. Police report package (issue 5): PDF, open JSON, STIX 2.1, XLSX.
 */
export { renderEmergencyCardPdf } from "./card/render-emergency-card";
export { buildPlanDocument } from "./plan/build-plan-document";
export {
  parsePlanModel,
  type TLang,
  type TPlanKind,
  type TPlanModel,
  type TPlanModelInput,
  ZLang,
  ZPlanKind,
  ZPlanModel,
} from "./plan/plan-model";
export { PLAN_CONTENT_DIR } from "./plan/plan-template";
export { renderPlanHtml, renderPlanPdf } from "./plan/render-plan";
export { buildReportDocument } from "./report/build-report-document";
export {
  buildCommonFormRows,
  commonFormsOf,
  diffFormRows,
  type TCommonFormKind,
  type TFormRow,
} from "./report/common-form-rows";
export { renderReportHtml } from "./report/render-report-html";
export { renderReportJson } from "./report/render-report-json";
export { renderReportPdf } from "./report/render-report-pdf";
export { renderReportStix, type TStixBundle } from "./report/render-report-stix";
export { escapeFormula, renderReportXlsx } from "./report/render-report-xlsx";
export {
  parseReportPackage,
  REPORT_INDICATOR_KINDS,
  REPORT_PACKAGE_SCHEMA_ID,
  REPORT_PACKAGE_VERSION,
  type TReportPackageInput,
  type TReportPackageModel,
  ZReportPackageModel,
} from "./report/report-model";
export { buildReportPackageSchema, REPORT_PACKAGE_SCHEMA_PATH } from "./report/report-schema";
export {
  buildSharingCopy,
  type TRemovedItem,
  type TRemovedKind,
  type TSharingOptions,
} from "./report/sharing-copy";
export { createTable, type TBlock, type TDocument } from "./shared/document-blocks";
export { escapeHtml } from "./shared/escape-html";
export { renderDocumentPdf } from "./shared/render-document-pdf";
