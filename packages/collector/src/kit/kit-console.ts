import type { PreserveProgress } from "@sonae/evidence";
import type { CollectEvent } from "../collect/run-collection";
import type { TargetOutcome } from "../collect/run-target";
import type { KitConfig } from "./kit-config";

/** Japanese first, English second, on every line the person reads. */
export const both = (ja: string, en: string) => `${ja} / ${en}`;

/** Prints to the terminal and keeps every line for the log written next to the bundle. */
export class KitConsole {
  readonly lines: string[] = [];
  private lastProgress = 0;

  constructor(private readonly write: (text: string) => void = (t) => process.stdout.write(t)) {}

  line(text = ""): void {
    this.lines.push(text);
    this.write(`${text}\n`);
  }

  header(config: KitConfig, isAdmin: boolean): void {
    this.line(both("Sonae 証拠収集キット", "Sonae evidence collection kit"));
    this.line(`  ${both("キット", "Kit")}: ${config.kitId}  (${config.fingerprint})`);
    this.line(
      `  ${both("インシデント", "Incident")}: ${config.incident.reference}  ${both("組織", "Organisation")}: ${config.organisation.name}`,
    );
    this.line(
      `  ${both("発行先", "Issued to")}: ${config.issuedTo}  ${both("発行日時", "Issued at")}: ${config.issuedAt}`,
    );
    this.line();
    this.line(
      both(
        "収集する対象 (この機器の記録を読み取るだけで、変更しません):",
        "What will be collected (only read, nothing on this machine is changed):",
      ),
    );
    const platform = config.platform === "windows-x64" ? "windows" : "linux";
    for (const target of config.targets.filter((t) => t.platform === platform)) {
      const mark = target.needsAdmin && !isAdmin ? both(" [管理者権限が必要]", " [needs administrator]") : "";
      this.line(`  - ${target.title.ja} / ${target.title.en}${mark}`);
    }
    for (const extra of config.extraPaths)
      this.line(`  - ${both("追加した場所", "Added location")}: ${extra}`);
    if (!isAdmin) {
      this.line();
      this.line(
        both(
          "管理者 (root) 権限なしで実行しています。[管理者権限が必要] の対象は一部または全部を収集できない場合があり、結果に記録されます。",
          "Running without administrator (root) rights: targets marked [needs administrator] may be partly or not collected; the result says which.",
        ),
      );
    }
    this.line();
  }

  event(event: CollectEvent, index: { current: number; total: number }): void {
    if (event.type === "leftovers-removed") {
      this.line(
        both(
          `前回の中断された収集の途中ファイルを削除しました (完全なバンドルではありません): ${event.names.join(", ")}`,
          `Removed what an interrupted earlier run left (it was never a complete bundle): ${event.names.join(", ")}`,
        ),
      );
    } else if (event.type === "target-start") {
      index.current += 1;
      this.write(`[${index.current}/${index.total}] ${event.target.title.ja} / ${event.target.title.en} … `);
    } else if (event.type === "target-done") {
      this.lines.push(`[${index.current}/${index.total}] ${event.outcome.title.en}: ${event.outcome.status}`);
      this.write(`${statusText(event.outcome)}\n`);
      for (const problem of event.outcome.problems)
        this.line(`      ! ${problem.subject}: ${problem.reason.ja} / ${problem.reason.en}`);
    } else {
      this.progress(event.progress);
    }
  }

  private progress(p: PreserveProgress): void {
    const now = Date.now();
    if (now - this.lastProgress < 1000 && p.filesDone < p.filesTotal) return;
    this.lastProgress = now;
    this.write(
      `\r${both("保全中", "Preserving")}: ${p.filesDone}/${p.filesTotal} ${both("ファイル", "files")}, ${formatBytes(p.bytesDone)} / ${formatBytes(p.bytesTotal)}   `,
    );
    if (p.filesDone === p.filesTotal) this.write("\n");
  }
}

function statusText(outcome: TargetOutcome): string {
  switch (outcome.status) {
    case "collected":
      return both(`収集 (${outcome.inputs.length} 件)`, `collected (${outcome.inputs.length})`);
    case "absent":
      return both("この機器にはありません", "not present on this machine");
    case "partial":
      return both("一部のみ収集", "partly collected");
    default:
      return both("収集できませんでした", "could not be collected");
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
