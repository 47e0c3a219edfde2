import path from "node:path";
import { z } from "zod";
import { REPORT_PACKAGE_SCHEMA_ID, ZReportPackageModel } from "./report-model";

/** Where the published schema lives in the repository (serve this file as-is). */
export const REPORT_PACKAGE_SCHEMA_PATH = path.resolve(
  import.meta.dirname,
  "../../../../content/report/report-package.schema.json",
);

/** Builds the JSON Schema (draft 2020-12) of the report package from the zod model. */
export function buildReportPackageSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ZReportPackageModel, { target: "draft-2020-12", io: "input" });
  return {
    $schema: schema.$schema,
    $id: REPORT_PACKAGE_SCHEMA_ID,
    title: "Sonae police report package",
    description:
      "警察への被害報告パッケージ（Sonae）/ Police report package exported by Sonae. See content/report/README.md.",
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$schema")),
  };
}
