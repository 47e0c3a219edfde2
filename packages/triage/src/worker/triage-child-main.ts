import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { collectInputs } from "../input/collect-inputs";
import { runSigmaRules } from "../sigma/run-sigma-rules";
import { loadSigmaRuleSet, summariseSigmaRuleSet } from "../sigma/sigma-rule-set";
import { triageFiles } from "../timeline/build-timeline";
import type { TTimelineEvent } from "../timeline/timeline-event";
import { writeTimelineJsonl } from "../timeline/write-timeline";
import type { TriageChildMessage, TriageChildRequest } from "./triage-child-protocol";

/**
 * Entry point of a triage child process (see run-triage-child.ts): one request over IPC, one
 * answer, then exit. Running here keeps a hostile file's CPU and memory out of the server's
 * event loop; the parent kills the process at its time limit and removes its TMPDIR.
 */
function send(message: TriageChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });
}

async function run(request: TriageChildRequest): Promise<TriageChildMessage> {
  const { files, problems, cleanup } = await collectInputs(request.inputs, request.zipLimits);
  try {
    const set = request.sigma === "off" ? null : await loadSigmaRuleSet(request.sigma || undefined);
    let lastSent = 0;
    const result = await triageFiles(files, {
      ...(request.textLog ? { textLog: request.textLog } : {}),
      onProgress: (p) => {
        const now = Date.now();
        if (now - lastSent < 500) return;
        lastSent = now;
        void send({ type: "progress", file: p.file, fileIndex: p.fileIndex, fileCount: p.fileCount });
      },
      extraDetectors: set ? [(events: TTimelineEvent[]) => runSigmaRules(set.rules, events, set.source)] : [],
    });
    const stream = createWriteStream(request.eventsOut, { flags: "wx", mode: 0o600 });
    await writeTimelineJsonl(result.events, stream);
    stream.end();
    await finished(stream);
    return {
      type: "done",
      eventCount: result.events.length,
      fileCount: files.length,
      detections: result.detections,
      problems: [...problems, ...result.problems],
      sigma: set ? summariseSigmaRuleSet(set) : null,
    };
  } finally {
    await cleanup();
  }
}

process.once("message", (request: TriageChildRequest) => {
  run(request)
    .catch((error: unknown) => ({
      type: "failed" as const,
      message: error instanceof Error ? error.message : String(error),
    }))
    .then(send)
    .finally(() => process.disconnect?.());
});
