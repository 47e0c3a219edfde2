import { describe, expect, it } from "vitest";
import { loadShippedKevCatalog } from "../src/catalog-store";
import { matchDevice } from "../src/device-matcher";
import { matchDeviceByScan } from "../src/device-matcher-scan";
import cases from "./fixtures/advisory-cases.json" with { type: "json" };
import { readLabelledDevices } from "./labelled-eval";

const catalog = loadShippedKevCatalog();
const key = (m: { cveID: string; versionVerdict: string; matchedBy: string }) =>
  `${m.cveID}:${m.versionVerdict}:${m.matchedBy}`;

describe("the indexed matcher against a scan of every entry (the benchmark's reference)", () => {
  it("gives exactly the same matches and verdicts", () => {
    const devices = [
      ...cases.cases.map((c) => ({ vendor: c.vendor, product: c.product, version: c.version })),
      ...readLabelledDevices()
        .slice(0, 25)
        .map((l) => l.device),
    ];
    for (const device of devices) {
      const indexed = matchDevice(device, catalog).matches.map(key);
      expect({ device, matches: matchDeviceByScan(device, catalog).map(key) }).toEqual({
        device,
        matches: indexed,
      });
    }
  }, 120_000);
});
