import path from "node:path";
import { AppError, ZIssueKitRequest } from "@sonae/core";
import { Command, Option } from "commander";
import { printResult } from "../../output/print";
import { openConfiguredDb } from "../db/open-db";

/**
 * `sonae kit build`: the same collector kit the incident's evidence page builds, from the command
 * line of the Sonae server (its public key is registered, so the bundles it makes are recognised).
 */
export function createKitCommand(): Command {
  const kit = new Command("kit").description("被害端末用の収集キット / Collector kits for affected machines");
  kit
    .command("build")
    .description(
      "インシデント用の収集キット (単一の実行ファイル) を作成する / Build a collector kit (one executable) for an incident",
    )
    .requiredOption(
      "--incident <reference>",
      "インシデント番号 (例 INC-2026-0001) または ID / incident reference or id",
    )
    .addOption(
      new Option("--platform <platform>", "対象 OS / target OS")
        .choices(["windows-x64", "linux-x64"])
        .makeOptionMandatory(),
    )
    .requiredOption("--out <folder>", "キットを書き出すフォルダ / folder to write the kit to")
    .requiredOption("--issued-to <name>", "発行先 (キットを渡す相手) / who the kit is issued to")
    .option("--add-path <path...>", "追加で収集する場所 / extra locations to collect", [])
    .option("--encrypt", "バンドルを組織の鍵で暗号化する / encrypt bundles to the organisation key", false)
    .option(
      "--upload-url <url>",
      "キットがバンドルをアップロードする Sonae の URL (https。確認してから送信) / Sonae URL the kit uploads its bundle to (https; asks first)",
    )
    .option(
      "--upload-as <email>",
      "アップロードを誰の代理として記録するか (--upload-url に必須) / user the kit's uploads are recorded for (needed with --upload-url)",
    )
    .option("--json", "JSON で出力 / print JSON")
    .action(
      async (opts: {
        incident: string;
        platform: string;
        out: string;
        issuedTo: string;
        addPath: string[];
        encrypt: boolean;
        uploadUrl?: string;
        uploadAs?: string;
        json?: boolean;
      }) => {
        const request = ZIssueKitRequest.parse({
          platform: opts.platform,
          issuedTo: opts.issuedTo,
          extraPaths: opts.addPath,
          encrypt: opts.encrypt,
          uploadUrl: opts.uploadUrl ?? null,
        });
        if (opts.uploadUrl && !opts.uploadAs)
          throw new AppError("VALIDATION", {
            field: "upload-as",
            detail: {
              ja: "--upload-url には --upload-as <利用者のメールアドレス> が必要です (アップロードはその人の代理として記録されます)",
              en: "--upload-url needs --upload-as <user e-mail> (uploads are recorded on that person's behalf)",
            },
          });
        const handle = await openConfiguredDb();
        const [{ incidents, organisations, users }, { issueCollectorKit }, { loadConfig }, { and, eq, or }] =
          await Promise.all([
            import("@sonae/db"),
            import("@sonae/server/collector-kits"),
            import("@sonae/server/config"),
            import("drizzle-orm"),
          ]);
        try {
          const isUuid = /^[0-9a-f-]{36}$/i.test(opts.incident);
          const [row] = await handle.db
            .select({
              id: incidents.id,
              organisationId: incidents.organisationId,
              organisationName: organisations.name,
            })
            .from(incidents)
            .innerJoin(organisations, eq(organisations.id, incidents.organisationId))
            .where(
              isUuid
                ? or(eq(incidents.id, opts.incident), eq(incidents.reference, opts.incident))
                : eq(incidents.reference, opts.incident),
            )
            .limit(1);
          if (!row) {
            throw new AppError("NOT_FOUND", {
              detail: {
                ja: `インシデント ${opts.incident} がありません`,
                en: `No incident ${opts.incident}`,
              },
            });
          }
          const [uploader] = opts.uploadAs
            ? await handle.db
                .select({ id: users.id })
                .from(users)
                .where(and(eq(users.email, opts.uploadAs), eq(users.organisationId, row.organisationId)))
                .limit(1)
            : [];
          if (opts.uploadAs && !uploader)
            throw new AppError("NOT_FOUND", {
              detail: {
                ja: `組織に利用者 ${opts.uploadAs} がいません`,
                en: `No user ${opts.uploadAs} in the organisation`,
              },
            });
          const deps = { db: handle.db, dbKind: handle.kind, config: loadConfig() };
          const built = await issueCollectorKit(
            deps,
            { actor: null, ip: null, userAgent: "sonae-cli" },
            {
              organisationId: row.organisationId,
              organisationName: row.organisationName,
              onBehalfOfUserId: uploader?.id,
            },
            row.id,
            request,
            path.resolve(opts.out),
          );
          printResult(
            {
              status: "built",
              kitId: built.kitId,
              file: built.file,
              size: built.size,
              sha256: built.sha256,
              fingerprint: built.fingerprint,
            },
            Boolean(opts.json),
          );
        } finally {
          await handle.close();
        }
      },
    );
  return kit;
}
