/** Regenerates content/report/report-package.schema.json from the zod model (run after changing it). */
import { writeFileSync } from "node:fs";
import { buildReportPackageSchema, REPORT_PACKAGE_SCHEMA_PATH } from "../src/report/report-schema";

writeFileSync(REPORT_PACKAGE_SCHEMA_PATH, `${JSON.stringify(buildReportPackageSchema(), null, 2)}\n`);
console.log(`wrote ${REPORT_PACKAGE_SCHEMA_PATH}`);
