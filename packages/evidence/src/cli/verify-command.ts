import { readFile } from "node:fs/promises";
import { Command } from "commander";
import { verifyBundle } from "../verify/verify-bundle";
import { reportFailure } from "./preserve-command";

/** `sonae verify <bundle>`: exit 0 when everything checks out, 1 naming each failure. */
export function createVerifyCommand(): Command {
  return new Command("verify")
    .helpOption("-h, --help", "ヘルプを表示 / show help")
    .description("証拠バンドルを検証する / Verify an evidence bundle (hashes, custody chain, signature)")
    .argument("<bundle>", "検証するバンドル / bundle to verify")
    .option("--trusted-key <pem>", "信頼する署名者の公開鍵 / public key the bundle must be signed with")
    .option("--json", "結果を JSON で出力 / print the report as JSON", false)
    .action(async (bundle: string, opts: { trustedKey?: string; json: boolean }) => {
      try {
        const trustedPublicKeyPem = opts.trustedKey ? await readFile(opts.trustedKey, "utf8") : undefined;
        const { custody, ...report } = await verifyBundle(bundle, { trustedPublicKeyPem });
        if (opts.json) {
          process.stdout.write(
            `${JSON.stringify({ ...report, custodyEntries: custody?.length ?? 0 }, null, 2)}\n`,
          );
        } else {
          process.stdout.write(
            `${report.ok ? "検証成功 / Verified" : "検証失敗 / Verification FAILED"}: ${bundle}\n  事件/case ${report.caseId ?? "?"}, 担当/examiner ${report.examiner ?? "?"}, ファイル/files ${report.filesChecked}, 署名者/signer ${report.signerFingerprint ?? "?"}\n`,
          );
          for (const f of report.failures) {
            process.stdout.write(`  ✗ [${f.code}] ${f.subject}\n    ${f.message.ja}\n    ${f.message.en}\n`);
          }
        }
        process.exitCode = report.ok ? 0 : 1;
      } catch (error) {
        reportFailure(error, opts.json);
      }
    });
}
