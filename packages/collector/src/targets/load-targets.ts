import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { type CollectionTarget, ZCollectionTarget } from "./target-schema";

/** content/collect in this checkout. */
export const DEFAULT_TARGETS_DIR = path.resolve(import.meta.dirname, "../../../../content/collect");

/** Loads and validates every target file; a broken file stops the load naming it. */
export async function loadCollectionTargets(dir = DEFAULT_TARGETS_DIR): Promise<CollectionTarget[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".json")).sort();
  const targets: CollectionTarget[] = [];
  for (const name of names) {
    const parsed = ZCollectionTarget.safeParse(JSON.parse(await readFile(path.join(dir, name), "utf8")));
    if (!parsed.success) throw new Error(`content/collect/${name}: ${parsed.error.message}`);
    if (`${parsed.data.id}.json` !== name)
      throw new Error(`content/collect/${name}: id ${parsed.data.id} ≠ file name`);
    targets.push(parsed.data);
  }
  return targets;
}
