/**
 * npm run eval:phish — how well the verdict assistant (proposeVerdict) does, measured honestly:
 *  1. Brand top-1 accuracy on the JPCERT/CC phishurl-list, time split: the last three months (2025-06..08) are
 *     the test set. Nothing is trained: the shipped brand catalogue (content/phishing/brands.yaml, written
 *     from public knowledge) is evaluated as it is. Earlier months are shown only for comparison.
 *  2. False-positive rate on popular domains from the MISP warning lists (Majestic, Cisco Umbrella, Tranco):
 *     the share of "https://<domain>/" proposed as phishing / fake shop / support scam. Tranco 10k is also a
 *     shipped list the assistant uses as context, so it is shown with and without that context.
 */
import { compileWarningLists } from "@sonae/core";
import { foldName, shippedBrandIndex } from "../src/brand-catalogue";
import { normaliseReportedUrl } from "../src/normalise-reported-url";
import { proposeVerdict } from "../src/propose-verdict";
import { readJpcertRows, readSharedWarningList } from "./jpcert-dataset";

const TEST_MONTHS = new Set(["202506", "202507", "202508"]);
const brands = shippedBrandIndex();
const noLists = compileWarningLists([]);

/** The catalogue brand a JPCERT/CC label names (exact match on folded names and aliases), else null. */
const labelToBrand = new Map<string, string | null>();
function brandForLabel(label: string): string | null {
  if (!labelToBrand.has(label)) {
    const folded = foldName(label);
    // Exact name first; else the longest catalogue name the label contains ("TS CUBIC CARD_MY TS3").
    const exact = brands.names.find((n) => n.folded === folded);
    const contained = brands.names.find((n) => n.folded.length >= 3 && folded.includes(n.folded));
    labelToBrand.set(label, (exact ?? contained)?.brand.id ?? null);
  }
  return labelToBrand.get(label)!;
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : "n/a");

function evaluateBrands(name: string, rows: ReturnType<typeof readJpcertRows>) {
  let labelled = 0;
  let inCatalogue = 0;
  let correct = 0;
  let proposed = 0;
  let proposedCorrect = 0;
  let phishingVerdicts = 0;
  let rejected = 0;
  const unmapped = new Map<string, number>();
  const seen = new Map<string, boolean>(); // canonical URL → correct (first row wins)
  for (const row of rows) {
    if (!row.brand) continue;
    labelled++;
    const expected = brandForLabel(row.brand);
    if (expected) inCatalogue++;
    else unmapped.set(row.brand, (unmapped.get(row.brand) ?? 0) + 1);
    const n = normaliseReportedUrl(row.url);
    if (!n.ok) {
      rejected++;
      continue;
    }
    const v = proposeVerdict(n.url);
    if (v.verdict === "phishing") phishingVerdicts++;
    const hit = v.brand?.id === expected && expected !== null;
    if (v.brand) {
      proposed++;
      if (hit) proposedCorrect++;
    }
    if (hit) correct++;
    if (!seen.has(n.url.canonical)) seen.set(n.url.canonical, hit);
  }
  const unique = [...seen.values()];
  console.log(`\n## ${name}: ${rows.length} rows, ${labelled} with a brand label`);
  console.log(
    `brand top-1 accuracy (all labelled rows):        ${pct(correct, labelled)}  (${correct}/${labelled})`,
  );
  console.log(
    `brand top-1 accuracy (label in the catalogue):   ${pct(correct, inCatalogue)}  (${correct}/${inCatalogue})`,
  );
  console.log(
    `brand top-1 per unique canonical URL:            ${pct(unique.filter(Boolean).length, unique.length)}  (${unique.length} URLs)`,
  );
  console.log(
    `a brand was proposed for:                        ${pct(proposed, labelled)}; of those right: ${pct(proposedCorrect, proposed)}`,
  );
  console.log(`verdict "phishing" proposed for:                 ${pct(phishingVerdicts, labelled)}`);
  console.log(`rejected by normaliseReportedUrl:                ${rejected}`);
  const top = [...unmapped.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
  console.log(`labels not in the catalogue (top): ${top.map(([l, c]) => `${l} ${c}`).join(", ")}`);
}

function evaluatePopular(listName: string, withContext: boolean) {
  const { values, version } = readSharedWarningList(listName);
  const domains = values.filter((d) => /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(d));
  let flagged = 0;
  let judged = 0;
  const examples: string[] = [];
  for (const d of domains) {
    const n = normaliseReportedUrl(`https://${d}/`, withContext ? {} : { warningLists: noLists });
    if (!n.ok) continue;
    judged++;
    const v = proposeVerdict(n.url);
    if (v.verdict === "phishing" || v.verdict === "fake_shop" || v.verdict === "support_scam") {
      flagged++;
      if (examples.length < 8) examples.push(`${d}→${v.brand?.id ?? "-"}`);
    }
  }
  console.log(
    `${listName} (version ${version}, ${judged} domains${withContext ? "" : ", warning-list context OFF"}): false-positive rate ${pct(flagged, judged)} (${flagged}); e.g. ${examples.join(", ")}`,
  );
}

const rows = readJpcertRows();
console.log("# Verdict assistant evaluation (data: JPCERT/CC phishurl-list; MISP warning lists snapshot)");
console.log(
  `brand catalogue: ${brands.catalogue.brands.length} brands (content/phishing/brands.yaml); nothing trained`,
);
evaluateBrands(
  "Test: 2025-06..2025-08",
  rows.filter((r) => TEST_MONTHS.has(r.month)),
);
evaluateBrands(
  "For comparison: 2019-01..2025-05",
  rows.filter((r) => !TEST_MONTHS.has(r.month)),
);
console.log("\n## False positives on popular domains (https://<domain>/)");
evaluatePopular("majestic_million", true);
evaluatePopular("majestic_million", false);
evaluatePopular("cisco_top10k", true);
evaluatePopular("cisco_top10k", false);
evaluatePopular("tranco10k", true);
evaluatePopular("tranco10k", false);
