import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { EvidenceError } from "../errors/evidence-error";

/**
 * Passes bytes through while hashing them, holding back the last chunk until the SHA-256 is known:
 * a download of altered content fails before its final bytes, so a client never receives a
 * complete-looking file that does not match its content address.
 */
export function createVerifyingTransform(expectedSha256: string, expectedSize: number): Transform {
  const hash = createHash("sha256");
  let held: Buffer | undefined;
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      hash.update(chunk);
      size += chunk.length;
      const previous = held;
      held = chunk;
      callback(null, previous);
    },
    flush(callback: TransformCallback) {
      const actual = hash.digest("hex");
      if (actual !== expectedSha256 || size !== expectedSize) {
        callback(
          new EvidenceError(
            "INTEGRITY",
            {
              ja: "保管中の証拠がハッシュと一致しません。配信を中止しました",
              en: "Stored evidence does not match its hash; the download was stopped",
            },
            { expectedSha256, actual, size, expectedSize },
          ),
        );
        return;
      }
      callback(null, held);
    },
  });
}
