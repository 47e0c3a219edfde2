import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { AppError, type TDrillScenario, ZDrillScenario } from "@sonae/core";
import { parse } from "yaml";

/** content/drills/ at the repository root: scenarios are data, one YAML file per scenario. */
export const DRILL_CONTENT_DIR = path.resolve(import.meta.dirname, "../../../../../content/drills");

/**
 * Loads and validates every scenario in `dir`. A broken file stops the load with its name and the
 * first problems (never a half-loaded list); the id must equal the file name so ids are stable.
 */
export function loadDrillScenarios(dir: string = DRILL_CONTENT_DIR): TDrillScenario[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort();
  return files.map((file) => {
    let data: unknown;
    try {
      data = parse(readFileSync(path.join(dir, file), "utf8"));
    } catch (error) {
      throw new Error(`drill scenario ${file}: not valid YAML: ${(error as Error).message}`);
    }
    const result = ZDrillScenario.safeParse(data);
    if (!result.success) {
      const issues = result.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join(".")}: ${i.message}`)
        .join("; ");
      throw new Error(`drill scenario ${file}: ${issues}`);
    }
    if (`${result.data.id}.yaml` !== file) {
      throw new Error(`drill scenario ${file}: id "${result.data.id}" must equal the file name`);
    }
    return result.data;
  });
}

let cache: TDrillScenario[] | undefined;

/** The shipped scenarios, loaded once per process. */
export function findDrillScenarios(): TDrillScenario[] {
  cache ??= loadDrillScenarios();
  return cache;
}

/** One shipped scenario or NOT_FOUND. */
export function getDrillScenario(id: string): TDrillScenario {
  const scenario = findDrillScenarios().find((s) => s.id === id);
  if (!scenario) throw new AppError("NOT_FOUND", { field: "scenarioId" });
  return scenario;
}

/** The list entry of a scenario (without injects, which are revealed only during a drill). */
export function summariseScenario(s: TDrillScenario) {
  return {
    id: s.id,
    title: s.title,
    summary: s.summary,
    source: s.source,
    durationMinutes: s.durationMinutes,
    injectCount: s.injects.length,
  };
}
