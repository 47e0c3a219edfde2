import { createRequire } from "node:module";

type YamlParse = (text: string) => unknown;
let parseYaml: YamlParse | undefined;

/**
 * YAML parsing, loaded on first use: runs that find their rules and catalogue in the cache never
 * load the `yaml` package (about 0.1 s of CPU per process).
 */
export function parseYamlText(text: string): unknown {
  parseYaml ??= (createRequire(import.meta.url)("yaml") as { parse: YamlParse }).parse;
  return parseYaml(text);
}
