/**
 * Writes `builtin-findings.json`: the built-in first-response findings over the shared corpus
 * (every EVTX file of ../shared/data/evtx and every text log of ../shared/data/logs, each file
 * triaged alone, then the whole EVTX corpus in one run so that rules spanning files are covered).
 * The golden was made by the keep-every-event pipeline (commit aa80cf7) before the built-in rules
 * got declared inputs and bounded state; `test/builtin-findings-golden.test.ts` asserts the
 * streaming rules still give exactly these findings. Sigma is left out: its hits were already
 * kept without events. Rerun only when a rule is meant to change:
 *   npx tsx packages/triage/test/golden/make-builtin-findings.ts
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { builtinFindingsOverCorpus } from "./builtin-findings-corpus";

const out = path.join(import.meta.dirname, "builtin-findings.json");
const golden = await builtinFindingsOverCorpus();
writeFileSync(out, `${JSON.stringify(golden, null, 0).replace(/\],"/g, '],\n"')}\n`);
console.log(`${out}: ${Object.keys(golden).length} runs, ${Object.values(golden).flat().length} findings`);
