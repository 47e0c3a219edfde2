import { readFileSync } from "node:fs";
import path from "node:path";
import { matchDevice } from "../src/device-matcher";
import type { KevCatalog, KevDevice } from "../src/kev-types";

/** One labelled device of `fixtures/labelled-devices.json`. */
export interface LabelledDevice {
  id: string;
  device: KevDevice;
  expected: { products?: string[]; cves?: string[] };
}

export interface EvaluationResult {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  perDevice: { id: string; missed: string[]; extra: string[] }[];
  unknownLabels: string[];
}

export function readLabelledDevices(): LabelledDevice[] {
  const file = path.join(import.meta.dirname, "fixtures/labelled-devices.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { devices: LabelledDevice[] }).devices;
}

/** Expected CVE set of a device: every entry whose "vendorProject|product" is listed, plus listed CVEs. */
function expectedCves(catalog: KevCatalog, labelled: LabelledDevice, unknown: string[]): Set<string> {
  const out = new Set<string>();
  for (const key of labelled.expected.products ?? []) {
    const hits = catalog.vulnerabilities.filter(
      (v) => `${v.vendorProject.trim()}|${v.product.trim()}` === key.replace(/ \|/, "|"),
    );
    if (hits.length === 0) unknown.push(`${labelled.id}: ${key}`);
    for (const v of hits) out.add(v.cveID);
  }
  for (const cve of labelled.expected.cves ?? []) {
    if (!catalog.vulnerabilities.some((v) => v.cveID === cve)) unknown.push(`${labelled.id}: ${cve}`);
    out.add(cve);
  }
  return out;
}

/** Micro-averaged precision and recall over (device, CVE) pairs. */
export function evaluateMatcher(catalog: KevCatalog, devices: LabelledDevice[]): EvaluationResult {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const unknownLabels: string[] = [];
  const perDevice: EvaluationResult["perDevice"] = [];
  for (const labelled of devices) {
    const expected = expectedCves(catalog, labelled, unknownLabels);
    const got = new Set(matchDevice(labelled.device, catalog).matches.map((m) => m.cveID));
    const missed = [...expected].filter((c) => !got.has(c));
    const extra = [...got].filter((c) => !expected.has(c));
    tp += got.size - extra.length;
    fp += extra.length;
    fn += missed.length;
    perDevice.push({ id: labelled.id, missed, extra });
  }
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    perDevice,
    unknownLabels,
  };
}
