// Runs zxcvbn-ts off the event loop: its matchers can take seconds on long repetitive input, so
// the server asks this worker and gives up after a time budget (password-strength.ts).
// Plain JavaScript on purpose: a worker thread is started by Node itself, outside the TS loader.
import { parentPort } from "node:worker_threads";
import { zxcvbn, zxcvbnOptions } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import * as ja from "@zxcvbn-ts/language-ja";

// Common and breached passwords (language-common), English and Japanese (romanised) words and names.
zxcvbnOptions.setOptions({
  dictionary: { ...common.dictionary, ...en.dictionary, ...ja.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
});

parentPort?.on("message", (request) => {
  const result = zxcvbn(request.password, request.userInputs);
  parentPort?.postMessage({
    id: request.id,
    score: result.score,
    patterns: result.sequence.map((m) =>
      m.pattern === "dictionary" ? `dictionary:${m.dictionaryName}` : m.pattern,
    ),
  });
});
