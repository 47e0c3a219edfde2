/** Name of the plain-text instructions every bundle carries (not part of the signed manifest). */
export const VERIFY_TEXT_ENTRY = "VERIFY.txt";

/** The commands a police examiner runs with standard tools, checked verbatim by a test. */
export const VERIFY_COMMANDS = {
  sums: "sha256sum -c SHA256SUMS",
  signature:
    "base64 -d manifest.sig > sig.bin && openssl pkeyutl -verify -pubin -inkey signer.pub -rawin -in manifest.json -sigfile sig.bin",
  fingerprint: "openssl pkey -pubin -in signer.pub -outform DER | sha256sum",
} as const;

/**
 * VERIFY.txt: how to check this bundle without Sonae (GNU coreutils and OpenSSL 3.0 or later),
 * in Japanese and English, naming the signer's fingerprint. Deterministic from the fingerprint,
 * so `sonae verify` can require it to be exactly this text.
 */
export function renderVerifyText(signerFingerprint: string): Buffer {
  const hex = signerFingerprint.replace(/^SHA256:/, "");
  return Buffer.from(
    [
      "Sonae 証拠バンドルの検証手順 / How to verify this Sonae evidence bundle",
      "",
      `署名者の鍵指紋 / Signer key fingerprint: ${signerFingerprint}`,
      "",
      "ZIP を展開したフォルダーで次を実行します (GNU coreutils と OpenSSL 3.0 以降)。",
      "Run these in the folder where the ZIP was extracted (GNU coreutils and OpenSSL 3.0 or later).",
      "",
      "1. 全ファイルの SHA-256 を確認 (すべて OK と表示されること)",
      "   Check every file's SHA-256 (every line must say OK):",
      `   ${VERIFY_COMMANDS.sums}`,
      "",
      "2. manifest.json の Ed25519 署名を signer.pub で確認 (Signature Verified Successfully と表示されること)",
      "   Check the Ed25519 signature of manifest.json with signer.pub (must print Signature Verified Successfully):",
      `   ${VERIFY_COMMANDS.signature}`,
      "",
      "3. signer.pub が上記の署名者であることを確認 (次の値と一致すること)",
      "   Check that signer.pub is the signer named above (must print this value):",
      `   ${VERIFY_COMMANDS.fingerprint}`,
      `   ${hex}  -`,
      "",
      "manifest.json の files[].sha256 と SHA256SUMS は同じ値です。custody.jsonl は保管記録 (ハッシュ連鎖) です。",
      "manifest.json files[].sha256 and SHA256SUMS hold the same values; custody.jsonl is the hash-chained custody record.",
      "",
    ].join("\n"),
    "utf8",
  );
}
