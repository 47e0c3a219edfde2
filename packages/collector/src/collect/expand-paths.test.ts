import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCollectionTargets } from "../targets/load-targets";
import { tempDir } from "../test-support/kit-fixtures";
import { expandTargetPath, matchesSegment } from "./expand-paths";

describe("target paths", () => {
  it("expand * within one segment, %VAR% from the environment, and skip unset variables", async () => {
    const root = await tempDir("expand");
    for (const user of ["alice", "bob"]) {
      await mkdir(path.join(root, "home", user), { recursive: true });
      await writeFile(path.join(root, "home", user, ".bash_history"), "ls\n");
    }
    await writeFile(path.join(root, "auth.log.1"), "");
    expect((await expandTargetPath(`${root}/home/*/.bash_history`, "linux")).sort()).toEqual([
      path.join(root, "home/alice/.bash_history"),
      path.join(root, "home/bob/.bash_history"),
    ]);
    expect(await expandTargetPath(`${root}/auth.log*`, "linux")).toEqual([path.join(root, "auth.log.1")]);
    expect(
      await expandTargetPath("%SystemRoot%\\Prefetch", "windows", { SystemRoot: "C:\\Windows" }),
    ).toEqual(["C:\\Windows\\Prefetch"]);
    expect(await expandTargetPath("%ExchangeInstallPath%Logging", "windows", {})).toEqual([]);
  });

  it("match file names in linear time even on long hostile names", () => {
    const name = `${"a".repeat(50_000)}b`;
    const started = performance.now();
    expect(matchesSegment("*a*a*a*a*a*c", name)).toBe(false);
    expect(matchesSegment("*b", name)).toBe(true);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it("every target in content/collect is valid, has a source and says why it matters in both languages", async () => {
    const targets = await loadCollectionTargets();
    expect(targets.filter((t) => t.platform === "windows").length).toBeGreaterThanOrEqual(19);
    expect(targets.filter((t) => t.platform === "linux").length).toBeGreaterThanOrEqual(8);
    for (const t of targets) {
      expect(t.why.ja.length).toBeGreaterThan(5);
      expect(t.source.url).toMatch(/^https:\/\//);
    }
  });
});
