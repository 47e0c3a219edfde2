import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { access, constants, lstat, mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { LocalisedText } from "@sonae/evidence";
import type { CollectionTarget, TargetCommand } from "../targets/target-schema";
import { expandTargetPath } from "./expand-paths";

/** One thing a target could not collect, and whether administrator (root) rights would help. */
export interface TargetProblem {
  subject: string;
  reason: LocalisedText;
  needsAdmin: boolean;
}

/** What one target produced: the paths to preserve, or why nothing. */
export interface TargetOutcome {
  id: string;
  title: LocalisedText;
  status: "collected" | "partial" | "failed" | "absent";
  inputs: string[];
  problems: TargetProblem[];
}

const COMMAND_TIMEOUT_MS = 30 * 60 * 1000;
const DENIED =
  /access is denied|アクセスが拒否|permission denied|EACCES|EPERM|not authorized|insufficient privileges/i;

/** Runs one target: paths are located (never opened for writing), commands write into `stagingDir`. */
export async function runTarget(
  target: CollectionTarget,
  stagingDir: string,
  env: NodeJS.ProcessEnv = process.env,
  signal?: AbortSignal,
): Promise<TargetOutcome> {
  const outcome: TargetOutcome = {
    id: target.id,
    title: target.title,
    status: "absent",
    inputs: [],
    problems: [],
  };
  for (const pattern of target.paths ?? []) {
    for (const candidate of await expandTargetPath(pattern, target.platform, env)) {
      const info = await lstat(candidate).catch(() => undefined);
      if (!info) continue;
      const readable = await access(
        candidate,
        info.isDirectory() ? constants.R_OK | constants.X_OK : constants.R_OK,
      ).then(
        () => true,
        () => false,
      );
      if (readable) outcome.inputs.push(candidate);
      else outcome.problems.push(deniedProblem(candidate));
    }
  }
  for (const command of target.commands ?? []) {
    const output = path.join(stagingDir, target.id, command.output);
    signal?.throwIfAborted();
    const result = await runCommand(command, output, env, signal);
    signal?.throwIfAborted();
    if (result.ok) outcome.inputs.push(output);
    else if (result.problem) outcome.problems.push(result.problem);
  }
  outcome.status =
    outcome.problems.length === 0
      ? outcome.inputs.length > 0
        ? "collected"
        : "absent"
      : outcome.inputs.length > 0
        ? "partial"
        : "failed";
  return outcome;
}

function deniedProblem(subject: string): TargetProblem {
  return {
    subject,
    needsAdmin: true,
    reason: {
      ja: "読み取り権限がありません (管理者 / root 権限で実行すると収集できます)",
      en: "No permission to read it (run as administrator / root to collect it)",
    },
  };
}

async function runCommand(
  command: TargetCommand,
  output: string,
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): Promise<{ ok: boolean; problem?: TargetProblem }> {
  await mkdir(path.dirname(output), { recursive: true });
  const args = command.args.map((a) => (a === "{out}" ? output : a));
  const subject = `${command.program} ${args.join(" ")}`;
  const outcome = await new Promise<{ code: number | null; error?: NodeJS.ErrnoException; stderr: string }>(
    (resolve) => {
      const child = spawn(command.program, args, {
        env,
        stdio: ["ignore", command.stdout ? "pipe" : "ignore", "pipe"],
        timeout: COMMAND_TIMEOUT_MS,
        signal,
        windowsHide: true,
      });
      let stderr = "";
      child.stderr?.on("data", (chunk: Buffer) => {
        if (stderr.length < 4096) stderr += chunk.toString("utf8");
      });
      // The child's "close" can come before the file stream has flushed: wait for both, or a command that
      // printed its output would be judged empty.
      const written =
        command.stdout && child.stdout
          ? pipeline(child.stdout, createWriteStream(output, { flags: "wx" })).catch(() => undefined)
          : Promise.resolve();
      child.once("error", (error: NodeJS.ErrnoException) => resolve({ code: null, error, stderr }));
      child.once("close", (code) => void written.then(() => resolve({ code, stderr })));
    },
  );
  if (outcome.error?.code === "ENOENT") {
    return {
      ok: false,
      problem: {
        subject,
        needsAdmin: false,
        reason: {
          ja: `コマンド ${command.program} がこの機器にありません`,
          en: `The command ${command.program} is not available on this machine`,
        },
      },
    };
  }
  const produced = await stat(output).then(
    (s) => s.size > 0,
    () => false,
  );
  if (outcome.code === 0 && produced) return { ok: true };
  await rm(output, { force: true });
  if (outcome.code === 0) return { ok: false }; // ran fine, nothing recorded here (no journal, empty channel)
  const detail = outcome.stderr.trim().split("\n")[0]?.slice(0, 300) ?? "";
  const needsAdmin = DENIED.test(outcome.stderr);
  return {
    ok: false,
    problem: {
      subject,
      needsAdmin,
      reason: needsAdmin
        ? {
            ja: `権限がないため失敗しました (管理者 / root 権限が必要): ${detail}`,
            en: `Failed for lack of rights (needs administrator / root): ${detail}`,
          }
        : {
            ja: `失敗しました (終了コード ${outcome.code ?? "-"}${outcome.error ? `, ${outcome.error.message}` : ""}): ${detail}`,
            en: `Failed (exit code ${outcome.code ?? "-"}${outcome.error ? `, ${outcome.error.message}` : ""}): ${detail}`,
          },
    },
  };
}
