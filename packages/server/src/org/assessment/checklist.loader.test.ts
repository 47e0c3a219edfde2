import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CHECKLIST_PATH, getChecklist, loadChecklistFile } from "./checklist.loader";

const tmp = mkdtempSync(join(tmpdir(), "sonae-checklist-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("checklist loader", () => {
  it("loads the shipped checklist with every derivation the registers provide", () => {
    const checklist = getChecklist();
    expect(loadChecklistFile(CHECKLIST_PATH)).toEqual(checklist);
    const derivations = new Set(checklist.items.map((i) => i.derivation));
    for (const d of [
      "contacts.police_desk",
      "devices.kev",
      "devices.mfa",
      "backups.offline_tested",
      "logs.off_device",
      "network.diagram",
    ]) {
      expect(derivations).toContain(d);
    }
  });

  it("fails loudly, naming the file and the field, on a broken checklist", () => {
    const broken = join(tmp, "broken.json");
    const shipped = getChecklist();
    writeFileSync(broken, JSON.stringify({ ...shipped, items: [{ ...shipped.items[0], risk: 9 }] }));
    expect(() => loadChecklistFile(broken)).toThrow(/broken\.json items\.0\.risk/);
    const notJson = join(tmp, "not.json");
    writeFileSync(notJson, "{ items: ");
    expect(() => loadChecklistFile(notJson)).toThrow(/Cannot read the checklist/);
  });
});
