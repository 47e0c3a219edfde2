import { createHash } from "node:crypto";
import type { Entry, ZipFile } from "yauzl";
import { type CustodyEntry, parseCustodyLog, verifyCustodyChain } from "../custody/custody-chain";
import { fingerprintPublicKey, verifySignature } from "../keys/key-store";
import { renderManifestCsv } from "../manifest/manifest-csv";
import { BUNDLE_ENTRIES, type Manifest } from "../manifest/manifest-types";
import { renderFileSums, renderSumLines } from "../manifest/sha256sums";
import { renderVerifyText, VERIFY_TEXT_ENTRY } from "../manifest/verify-text";
import type { ZipEntryRecord } from "../zip/zip-records";
import { hashEntry } from "./bundle-reader";
import type { VerificationReport, VerifyOptions } from "./verify-bundle";

const META = new Set<string>(Object.values(BUNDLE_ENTRIES));

/** Records one failure. */
export type Fail = (code: string, subject: string, ja: string, en: string) => void;

/** Ed25519 signature over manifest.json, signer named in the manifest, optional trusted key. */
export function checkSignature(
  report: VerificationReport,
  meta: Map<string, Buffer>,
  manifestBytes: Buffer,
  manifest: Manifest,
  options: VerifyOptions,
  fail: Fail,
): void {
  const pem = meta.get(BUNDLE_ENTRIES.publicKey)?.toString("utf8");
  const signature = meta.get(BUNDLE_ENTRIES.signature)?.toString("utf8");
  if (!pem || !signature) return;
  let fingerprint: string;
  try {
    fingerprint = fingerprintPublicKey(pem);
  } catch {
    fail(
      "PUBLIC_KEY_INVALID",
      BUNDLE_ENTRIES.publicKey,
      "署名者の公開鍵が読めません",
      "The signer public key cannot be read",
    );
    return;
  }
  report.signerFingerprint = fingerprint;
  if (!verifySignature(pem, manifestBytes, signature)) {
    fail(
      "SIGNATURE_INVALID",
      BUNDLE_ENTRIES.signature,
      "マニフェストの署名が一致しません (マニフェストまたは署名が改ざんされています)",
      "The manifest signature does not verify (manifest or signature altered)",
    );
  }
  if (manifest.signer.fingerprint !== fingerprint) {
    fail(
      "SIGNER_MISMATCH",
      BUNDLE_ENTRIES.publicKey,
      "signer.pub がマニフェスト記載の署名者と異なります",
      "signer.pub is not the signer named in the manifest",
    );
  }
  if (options.trustedPublicKeyPem !== undefined) {
    report.signerTrusted = fingerprintPublicKey(options.trustedPublicKeyPem) === fingerprint;
    if (!report.signerTrusted) {
      fail(
        "UNTRUSTED_SIGNER",
        BUNDLE_ENTRIES.publicKey,
        `署名者 ${fingerprint} は指定された信頼できる鍵ではありません`,
        `Signer ${fingerprint} is not the trusted key given`,
      );
    }
  }
}

/** File modes in the ZIP are the ones the manifest records (metadata entries are read-only, 0444). */
export function checkEntryModes(entries: ZipEntryRecord[], manifest: Manifest, fail: Fail): void {
  const recorded = new Map(manifest.files.map((file) => [file.entryName, file.mode]));
  for (const entry of entries) {
    const expected =
      META.has(entry.name) || entry.name === VERIFY_TEXT_ENTRY ? 0o100444 : recorded.get(entry.name);
    if (expected !== undefined && (expected & 0xffff) !== entry.mode) {
      fail(
        "ZIP_MODE_MISMATCH",
        entry.name,
        `ZIP に記録されたファイルモード ${entry.mode.toString(8)} がマニフェストと異なります: ${entry.name}`,
        `The file mode in the ZIP (${entry.mode.toString(8)}) differs from the manifest: ${entry.name}`,
      );
    }
  }
}

/** Every manifest file is present with its size and hashes; nothing unlisted is present. */
export async function checkFiles(
  report: VerificationReport,
  zip: ZipFile,
  entries: Map<string, Entry>,
  manifest: Manifest,
  options: VerifyOptions,
  fail: Fail,
): Promise<void> {
  const listed = new Set(manifest.files.map((f) => f.entryName));
  for (const name of entries.keys()) {
    if (!META.has(name) && name !== VERIFY_TEXT_ENTRY && !listed.has(name)) {
      fail(
        "UNEXPECTED_ENTRY",
        name,
        `マニフェストにないエントリがあります: ${name}`,
        `Entry not listed in the manifest: ${name}`,
      );
    }
  }
  for (const file of manifest.files) {
    const entry = entries.get(file.entryName);
    if (!entry) {
      fail(
        "FILE_MISSING",
        file.entryName,
        `ファイルがバンドルにありません: ${file.entryName}`,
        `File is missing from the bundle: ${file.entryName}`,
      );
      continue;
    }
    const algorithms = ["sha256", ...(file.sha1 ? ["sha1"] : []), ...(file.md5 ? ["md5"] : [])];
    try {
      const { digests, size } = await hashEntry(zip, entry, algorithms, options.onBytes);
      report.filesChecked += 1;
      report.bytesChecked += size;
      if (size !== file.size) {
        fail(
          "FILE_SIZE_MISMATCH",
          file.entryName,
          `サイズが記録と異なります (${size} ≠ ${file.size}): ${file.entryName}`,
          `Size differs from the record (${size} != ${file.size}): ${file.entryName}`,
        );
      }
      for (const algorithm of algorithms) {
        const expected = file[algorithm as "sha256" | "sha1" | "md5"];
        if (digests[algorithm] !== expected) {
          fail(
            `FILE_${algorithm.toUpperCase()}_MISMATCH`,
            file.entryName,
            `${algorithm.toUpperCase()} が記録と一致しません (内容が改変されています): ${file.entryName}`,
            `${algorithm.toUpperCase()} does not match the record (content altered): ${file.entryName}`,
          );
        }
      }
    } catch (error) {
      fail(
        "FILE_UNREADABLE",
        file.entryName,
        `ファイルを展開できません (破損): ${file.entryName}: ${String(error)}`,
        `File cannot be decompressed (corrupt): ${file.entryName}: ${String(error)}`,
      );
    }
  }
}

/** manifest.csv and SHA256SUMS are exactly what the manifest and metadata entries imply. */
export function checkDerivedEntries(meta: Map<string, Buffer>, manifest: Manifest, fail: Fail): void {
  const csv = meta.get(BUNDLE_ENTRIES.csv);
  if (csv && !csv.equals(renderManifestCsv(manifest))) {
    fail(
      "CSV_MISMATCH",
      BUNDLE_ENTRIES.csv,
      "manifest.csv が署名済みマニフェストと一致しません",
      "manifest.csv does not match the signed manifest",
    );
  }
  // VERIFY.txt is absent from bundles made before it existed; when present it is exactly the text
  // for the signer (so nobody can slip other "instructions" into a signed bundle).
  const verifyText = meta.get(VERIFY_TEXT_ENTRY);
  if (verifyText && !verifyText.equals(renderVerifyText(manifest.signer.fingerprint))) {
    fail(
      "VERIFY_TEXT_MISMATCH",
      VERIFY_TEXT_ENTRY,
      "VERIFY.txt が署名者に対応する検証手順と一致しません",
      "VERIFY.txt is not the verification text for this signer",
    );
  }
  const sums = meta.get(BUNDLE_ENTRIES.sums);
  if (!sums) return;
  const metaSums = [
    BUNDLE_ENTRIES.manifest,
    BUNDLE_ENTRIES.csv,
    BUNDLE_ENTRIES.custody,
    BUNDLE_ENTRIES.signature,
    BUNDLE_ENTRIES.publicKey,
    ...(verifyText ? [VERIFY_TEXT_ENTRY] : []),
  ].map((name) => ({
    name,
    sha256: createHash("sha256")
      .update(meta.get(name) ?? "")
      .digest("hex"),
  }));
  const expected = renderFileSums(manifest.files) + renderSumLines(metaSums);
  if (sums.toString("utf8") !== expected) {
    fail(
      "SUMS_MISMATCH",
      BUNDLE_ENTRIES.sums,
      "SHA256SUMS がマニフェストまたはメタデータと一致しません",
      "SHA256SUMS does not match the manifest or metadata entries",
    );
  }
}

/** Hash chain intact, head named by the manifest, completion entry binding the file list. */
export function checkCustody(
  report: VerificationReport,
  meta: Map<string, Buffer>,
  manifest: Manifest,
  fail: Fail,
): void {
  const text = meta.get(BUNDLE_ENTRIES.custody)?.toString("utf8");
  if (text === undefined) return;
  let entries: CustodyEntry[];
  try {
    entries = parseCustodyLog(text);
  } catch (error) {
    fail(
      "CUSTODY_MALFORMED",
      BUNDLE_ENTRIES.custody,
      `保管記録が読めません: ${String(error)}`,
      `Custody log is malformed: ${String(error)}`,
    );
    return;
  }
  report.custody = entries;
  report.custodyHeadHash = entries.at(-1)?.hash;
  for (const failure of verifyCustodyChain(entries, { expectedHeadHash: manifest.custodyHeadHash })) {
    report.failures.push({
      code: `CUSTODY_${failure.code}`,
      subject: `${BUNDLE_ENTRIES.custody}#${failure.index + 1}`,
      message: failure.message,
    });
  }
  const completed = entries.at(-1);
  const fileSums = createHash("sha256").update(renderFileSums(manifest.files)).digest("hex");
  if (completed?.action !== "preservation.completed" || completed.details.fileSumsSha256 !== fileSums) {
    fail(
      "CUSTODY_BINDING",
      BUNDLE_ENTRIES.custody,
      "保管記録の完了記録がファイル一覧のハッシュと一致しません",
      "The custody completion entry does not bind this file list",
    );
  }
}
