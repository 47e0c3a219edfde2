import { parseReportPackage, REPORT_PACKAGE_SCHEMA_ID } from "./report-model";

/**
 * Renders the report package in Sonae's open JSON format (schema: content/report/report-package.schema.json).
 * The model is validated and normalised by zod first, so the output always matches the published schema.
 */
export function renderReportJson(model: unknown): string {
  const parsed = parseReportPackage(model);
  return `${JSON.stringify({ $schema: REPORT_PACKAGE_SCHEMA_ID, ...parsed }, null, 2)}\n`;
}
