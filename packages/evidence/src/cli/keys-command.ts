import { writeFile } from "node:fs/promises";
import { Command } from "commander";
import { getDefaultKeyDir, loadOrCreateSigningKey } from "../keys/key-store";
import { reportFailure } from "./preserve-command";

/** `sonae keys export-public [--out file]`: the installation's public key for the police. */
export function createKeysCommand(): Command {
  const keys = new Command("keys")
    .description("証拠署名鍵 / Evidence signing key")
    .helpOption("-h, --help", "ヘルプを表示 / show help");
  keys
    .command("export-public")
    .helpOption("-h, --help", "ヘルプを表示 / show help")
    .description("署名検証用の公開鍵を出力する / Export the public key that verifies bundle signatures")
    .option("--key-dir <dir>", "署名鍵のフォルダ / signing key folder (default $SONAE_DATA_DIR/keys)")
    .option("--out <file>", "PEM の保存先 / write the PEM to this file")
    .option("--json", "JSON で出力 / print as JSON", false)
    .action(async (opts: { keyDir?: string; out?: string; json: boolean }) => {
      try {
        const key = await loadOrCreateSigningKey(opts.keyDir ?? getDefaultKeyDir());
        if (opts.out) await writeFile(opts.out, key.publicKeyPem, { flag: "wx" });
        if (opts.json) {
          process.stdout.write(
            `${JSON.stringify({ fingerprint: key.fingerprint, publicKeyPem: key.publicKeyPem, out: opts.out })}\n`,
          );
        } else {
          process.stdout.write(
            `指紋 / fingerprint: ${key.fingerprint}\n${opts.out ? `保存先 / written to: ${opts.out}\n` : key.publicKeyPem}`,
          );
        }
      } catch (error) {
        reportFailure(error, opts.json);
      }
    });
  return keys;
}
