import { type Command, Command as CommanderCommand, type CommanderError, Option } from "commander";
import { loadShippedAliasTable } from "./alias-table";
import {
  fetchKevCatalog,
  getDefaultKevDataDir,
  importKevCatalog,
  KEV_OFFICIAL_URL,
  listKevCatalogs,
  loadKevCatalog,
} from "./catalog-store";
import { matchDevice } from "./device-matcher";
import { KevError } from "./kev-error";
import { formatMatchResult } from "./kev-match-print";
import { DEVICE_TYPES, type DeviceType, type KevCatalogFile } from "./kev-types";
import { loadKevRanges } from "./ranges/kev-ranges";
import { fetchNvdKevRanges, NVD_API_URL } from "./ranges/nvd-fetch";
import { importNvdRanges, listNvdRanges } from "./ranges/nvd-range-store";

/** Usage errors exit with 2 (Sonae CLI convention); help and version exit 0. */
function exitOnUsageError(command: Command): Command {
  return command.exitOverride((error: CommanderError) => {
    process.exit(error.exitCode === 0 ? 0 : 2);
  });
}

/** Runs an action, turning KevError into a bilingual message and exit code 1 (the checked thing failed). */
function runAction(action: () => Promise<void> | void): () => Promise<void> {
  return async () => {
    try {
      await action();
    } catch (error) {
      if (!(error instanceof KevError)) throw error;
      process.stderr.write(`${error.userMessage.ja}\n${error.userMessage.en}\n`);
      process.exitCode = 1;
    }
  };
}

function printInfo(json: boolean, dir?: string): void {
  const active = loadKevCatalog(dir);
  const all = listKevCatalogs(dir);
  if (json) {
    const { vulnerabilities, ...head } = active as KevCatalogFile & { source: string };
    const nvd = listNvdRanges(dir ?? getDefaultKevDataDir());
    process.stdout.write(
      `${JSON.stringify({ active: { ...head, count: vulnerabilities.length }, catalogs: all, nvd }, null, 2)}\n`,
    );
    return;
  }
  process.stdout.write(
    `使用中のカタログ / Active catalogue: ${active.catalogVersion} (${active.dateReleased}, ${active.vulnerabilities.length} 件 entries, ${active.source})\n`,
  );
  for (const c of all) {
    const mark = c.problem ? `  ⚠ ${c.problem}` : "";
    process.stdout.write(
      `  - ${c.catalogVersion}  ${c.dateReleased}  ${c.count}  ${c.source}  ${c.file}${mark}\n`,
    );
  }
  process.stdout.write("NVD の影響バージョン / NVD affected-version data:\n");
  for (const r of listNvdRanges(dir ?? getDefaultKevDataDir())) {
    const mark = r.problem ? `  ⚠ ${r.problem}` : "";
    process.stdout.write(`  - 取得 read ${r.retrieved}  ${r.count} CVE  ${r.origin}  ${r.file}${mark}\n`);
  }
}

/**
 * `sonae kev …`: import a catalogue offline, fetch the current one, show the catalogue in use, match a device.
 * The lead adds it with `program.addCommand(createKevCommand())`.
 */
export function createKevCommand(): Command {
  const kev = new CommanderCommand("kev").description(
    "既知の悪用された脆弱性 (CISA KEV) カタログ / Known Exploited Vulnerabilities (CISA KEV) catalogue",
  );
  const dirOption = () =>
    new Option("--dir <dir>", "保存先 / catalogue folder (default: $SONAE_DATA_DIR/kev or ./data/kev)");

  kev.addCommand(
    exitOnUsageError(
      new CommanderCommand("import")
        .description(
          "KEV カタログ (JSON / .json.gz) または NVD のデータを取り込む / Import a KEV catalogue or NVD records file offline",
        )
        .argument("<file>", "カタログファイル / catalogue file")
        .option(
          "--nvd",
          "NVD CVE API 2.0 の応答または Sonae の範囲ファイルとして取り込む / the file holds NVD records",
        )
        .addOption(dirOption())
        .option("--json", "JSON で出力 / JSON output")
        .action(async (file: string, opts: { dir?: string; json?: boolean; nvd?: boolean }) => {
          await runAction(() => {
            if (opts.nvd) {
              const nvd = importNvdRanges(file, opts.dir ?? getDefaultKevDataDir());
              process.stdout.write(
                opts.json
                  ? `${JSON.stringify(nvd, null, 2)}\n`
                  : `取り込みました / Imported NVD data: ${nvd.count} CVE (取得 read ${nvd.retrieved}) → ${nvd.file}\n`,
              );
              return;
            }
            const info = importKevCatalog(file, opts.dir);
            process.stdout.write(
              opts.json
                ? `${JSON.stringify(info, null, 2)}\n`
                : `取り込みました / Imported: ${info.catalogVersion} (${info.count} 件 entries) → ${info.file}\n`,
            );
            for (const w of info.warnings ?? []) process.stderr.write(`⚠ ${w.ja} / ${w.en}\n`);
          })();
        }),
    ),
  );

  kev.addCommand(
    exitOnUsageError(
      new CommanderCommand("fetch")
        .description(
          "最新の KEV カタログを CISA から取得する (要インターネット) / Fetch the current catalogue from CISA",
        )
        .option("--url <url>", "取得元 / source URL", KEV_OFFICIAL_URL)
        .option("--nvd-url <url>", "NVD CVE API 2.0 の URL / NVD API URL", NVD_API_URL)
        .option("--no-nvd", "NVD の影響バージョンを取得しない / skip the NVD records")
        .option("--timeout <seconds>", "タイムアウト秒 / timeout in seconds", "60")
        .addOption(dirOption())
        .option("--json", "JSON で出力 / JSON output")
        .action(
          async (opts: {
            url: string;
            nvdUrl: string;
            nvd: boolean;
            timeout: string;
            dir?: string;
            json?: boolean;
          }) => {
            await runAction(async () => {
              const timeoutMs = Number(opts.timeout) * 1000;
              const info = await fetchKevCatalog(opts.url, opts.dir, { timeoutMs });
              // The API key (NVD_API_KEY) raises NVD's limit from 5 to 50 requests per 30 s; never printed.
              const nvd = opts.nvd
                ? await fetchNvdKevRanges(opts.dir ?? getDefaultKevDataDir(), {
                    url: opts.nvdUrl,
                    apiKey: process.env.NVD_API_KEY || undefined,
                    timeoutMs,
                  })
                : null;
              process.stdout.write(
                opts.json
                  ? `${JSON.stringify({ catalog: info, nvd }, null, 2)}\n`
                  : `取得しました / Fetched: ${info.catalogVersion} (${info.count} 件 entries) → ${info.file}\n${nvd ? `NVD: ${nvd.count} CVE (取得 read ${nvd.retrieved}) → ${nvd.file}\n` : ""}`,
              );
            })();
          },
        ),
    ),
  );

  kev.addCommand(
    exitOnUsageError(
      new CommanderCommand("info")
        .description("使用中のカタログを表示 / Show the catalogue in use")
        .addOption(dirOption())
        .option("--json", "JSON で出力 / JSON output")
        .action((opts: { dir?: string; json?: boolean }) => printInfo(Boolean(opts.json), opts.dir)),
    ),
  );

  kev.addCommand(
    exitOnUsageError(
      new CommanderCommand("match")
        .description("機器に当てはまる KEV 脆弱性を探す / Find KEV entries that apply to a device")
        .requiredOption("--vendor <vendor>", "ベンダー名 / vendor")
        .requiredOption("--product <product>", "製品名・型番 / product or model")
        .option("--version <version>", "ファームウェア版数 / firmware version")
        .addOption(new Option("--type <type>", "機器の種類 / device type").choices(DEVICE_TYPES))
        .addOption(dirOption())
        .option("--json", "JSON で出力 / JSON output")
        .action(
          (opts: {
            vendor: string;
            product: string;
            version?: string;
            type?: DeviceType;
            dir?: string;
            json?: boolean;
          }) => {
            const device = {
              vendor: opts.vendor,
              product: opts.product,
              version: opts.version,
              type: opts.type,
            };
            const dir = opts.dir ?? getDefaultKevDataDir();
            const result = matchDevice(
              device,
              loadKevCatalog(dir),
              loadShippedAliasTable(),
              loadKevRanges(dir),
            );
            process.stdout.write(
              opts.json ? `${JSON.stringify(result, null, 2)}\n` : formatMatchResult(result),
            );
          },
        ),
    ),
  );
  return kev;
}
