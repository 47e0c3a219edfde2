import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline/promises";
import type { KitConfig } from "./kit-config";
import { both, formatBytes, type KitConsole } from "./kit-console";
import { KitUploadError, uploadBundleToServer } from "./kit-upload";

/** `--upload yes|no` answers the question ahead; without it the person is asked (only on a terminal). */
export type UploadChoice = "yes" | "no" | undefined;

/**
 * After collection: when the kit carries its server's address, asks before sending the bundle there.
 * A failure or a "no" leaves the bundle where it is and says how to upload it by hand or resume.
 * Returns false only when an upload was attempted and failed.
 */
export async function offerUpload(
  config: KitConfig,
  bundlePath: string,
  sha256: string,
  out: KitConsole,
  choice: UploadChoice,
): Promise<boolean> {
  if (!config.uploadUrl) return true;
  const byHand = () =>
    out.line(
      both(
        `手動でのアップロード: Sonae のインシデント ${config.incident.reference} の証拠ページでこのファイルをアップロードするか、キットを --upload-only "${bundlePath}" で再実行してください (中断した所から再開します)。`,
        `To upload by hand: upload this file on the evidence page of incident ${config.incident.reference} in Sonae, or run the kit again with --upload-only "${bundlePath}" (it resumes where it stopped).`,
      ),
    );
  let answer = choice;
  if (!answer && process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const text = await rl.question(
      `${both(`バンドルを ${config.uploadUrl} にアップロードしますか`, `Upload the bundle to ${config.uploadUrl}`)} [y/N]: `,
    );
    rl.close();
    answer = /^(y|yes|はい)$/i.test(text.trim()) ? "yes" : "no";
  }
  if (answer !== "yes") {
    byHand();
    return true;
  }
  out.line(both(`アップロード中: ${config.uploadUrl}`, `Uploading to ${config.uploadUrl}`));
  try {
    await uploadBundleToServer({
      config,
      bundlePath,
      sha256,
      onProgress: (sent, total) => out.line(`  ${formatBytes(sent)} / ${formatBytes(total)}`),
    });
    out.line(
      both(
        "アップロードが完了し、サーバーで署名と内容が検証されました。このバンドルは証拠として保管を続けてください。",
        "Upload complete; the server verified the signature and contents. Keep this bundle as evidence too.",
      ),
    );
    return true;
  } catch (error) {
    const reason = error instanceof KitUploadError ? error : new KitUploadError(String(error), String(error));
    out.line(both(`アップロードに失敗しました: ${reason.ja}`, `Upload failed: ${reason.en}`));
    out.line(both("バンドルはこの場所に残っています。", "The bundle is still here."));
    byHand();
    return false;
  }
}

/** SHA-256 of a bundle given with --upload-only (streamed: bundles may be gigabytes). */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
