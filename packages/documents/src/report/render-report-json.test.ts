import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { createReportFixture } from "../../test/report-fixture";
import { renderReportJson } from "./render-report-json";
import { REPORT_PACKAGE_SCHEMA_ID } from "./report-model";
import { buildReportPackageSchema, REPORT_PACKAGE_SCHEMA_PATH } from "./report-schema";

const published = JSON.parse(readFileSync(REPORT_PACKAGE_SCHEMA_PATH, "utf8"));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const validate = ajv.compile(published);

describe("renderReportJson and the published schema", () => {
  it("the committed schema is what the zod model generates (regenerate with scripts/export-report-schema.ts)", () => {
    expect(published).toEqual(buildReportPackageSchema());
    expect(published.$id).toBe(REPORT_PACKAGE_SCHEMA_ID);
    expect(published.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("the export validates against the published schema with Ajv 2020", () => {
    const json = JSON.parse(renderReportJson(createReportFixture()));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.$schema).toBe(REPORT_PACKAGE_SCHEMA_ID);
    expect(json.indicators).toHaveLength(12);
  });

  it("the schema rejects a package without a required field, and the renderer refuses it", () => {
    const json = JSON.parse(renderReportJson(createReportFixture()));
    delete json.contactPerson.name;
    expect(validate(json)).toBe(false);
    expect(validate.errors?.some((e) => e.params && "missingProperty" in e.params)).toBe(true);
    expect(() => renderReportJson(json)).toThrow(/name/);
  });

  it("rejects an unknown indicator kind", () => {
    const model = createReportFixture();
    model.indicators.push({ kind: "bitcoin" as "btc", value: "x" });
    expect(() => renderReportJson(model)).toThrow(/kind/);
  });
});
