import type { ZipFile } from "yauzl";
import type { CustodyEntry } from "../custody/custody-chain";
import type { LocalisedText } from "../errors/evidence-error";
import { BUNDLE_ENTRIES, type Manifest } from "../manifest/manifest-types";
import { VERIFY_TEXT_ENTRY } from "../manifest/verify-text";
import { checkZipStructure } from "../zip/zip-structure";
import { openBundle, readEntryBytes } from "./bundle-reader";
import { checkManifestShape } from "./manifest-shape";
import {
  checkCustody,
  checkDerivedEntries,
  checkEntryModes,
  checkFiles,
  checkSignature,
} from "./verify-checks";

/** One thing that failed, naming exactly what (entry name, custody entry number…). */
export interface VerificationFailure {
  code: string;
  subject: string;
  message: LocalisedText;
}

/** Outcome of `verifyBundle`; `ok` only when there is no failure at all. */
export interface VerificationReport {
  ok: boolean;
  bundlePath: string;
  caseId?: string;
  examiner?: string;
  startedAt?: string;
  endedAt?: string;
  signerFingerprint?: string;
  /** Set when a trusted key was given: whether the signer is that key. */
  signerTrusted?: boolean;
  filesChecked: number;
  bytesChecked: number;
  custodyHeadHash?: string;
  custody?: CustodyEntry[];
  failures: VerificationFailure[];
}

/** Options of `verifyBundle`. */
export interface VerifyOptions {
  /** PEM of the key the bundle must be signed with (from the collecting installation). */
  trustedPublicKeyPem?: string;
  onBytes?: (count: number) => void;
}

const META = new Set<string>(Object.values(BUNDLE_ENTRIES));

/**
 * Checks a bundle end to end: the ZIP container byte for byte (zip-structure.ts), entry names, Ed25519 signature over manifest.json, every file's size and
 * hashes, SHA256SUMS and manifest.csv against the manifest, and the custody hash chain.
 */
export async function verifyBundle(
  bundlePath: string,
  options: VerifyOptions = {},
): Promise<VerificationReport> {
  const report: VerificationReport = {
    ok: false,
    bundlePath,
    filesChecked: 0,
    bytesChecked: 0,
    failures: [],
  };
  const fail = (code: string, subject: string, ja: string, en: string) =>
    report.failures.push({ code, subject, message: { ja, en } });
  let zip: ZipFile | undefined;
  try {
    // The container first: a broken or doctored ZIP structure makes every later read unreliable.
    const structure = await checkZipStructure(bundlePath);
    report.failures.push(...structure.problems);
    if (structure.problems.length > 0) return finish(report);
    const opened = await openBundle(bundlePath);
    zip = opened.zip;
    for (const name of opened.duplicates) {
      fail(
        "DUPLICATE_ENTRY",
        name,
        `同じ名前のエントリが複数あります: ${name}`,
        `Entry appears more than once: ${name}`,
      );
    }
    const meta = new Map<string, Buffer>();
    const verifyText = opened.entries.get(VERIFY_TEXT_ENTRY);
    if (verifyText) meta.set(VERIFY_TEXT_ENTRY, await readEntryBytes(zip, verifyText, 64 * 1024));
    for (const name of META) {
      const entry = opened.entries.get(name);
      if (!entry)
        fail(
          "MISSING_ENTRY",
          name,
          `必須エントリがありません: ${name}`,
          `Required entry is missing: ${name}`,
        );
      else meta.set(name, await readEntryBytes(zip, entry));
    }
    const manifestBytes = meta.get(BUNDLE_ENTRIES.manifest);
    if (!manifestBytes) return finish(report);
    let manifest: Manifest;
    try {
      manifest = JSON.parse(manifestBytes.toString("utf8")) as Manifest;
      const shapeError = checkManifestShape(manifest);
      if (shapeError) throw new Error(shapeError);
    } catch (error) {
      fail(
        "MANIFEST_INVALID",
        BUNDLE_ENTRIES.manifest,
        `マニフェストが不正です: ${String(error)}`,
        `Manifest is invalid: ${String(error)}`,
      );
      return finish(report);
    }
    Object.assign(report, {
      caseId: manifest.case.id,
      examiner: manifest.case.examiner,
      startedAt: manifest.startedAt,
      endedAt: manifest.endedAt,
    });
    checkSignature(report, meta, manifestBytes, manifest, options, fail);
    checkEntryModes(structure.entries, manifest, fail);
    await checkFiles(report, zip, opened.entries, manifest, options, fail);
    checkDerivedEntries(meta, manifest, fail);
    checkCustody(report, meta, manifest, fail);
  } catch (error) {
    fail(
      "UNREADABLE_BUNDLE",
      bundlePath,
      `バンドルを読み取れません: ${String(error)}`,
      `Cannot read the bundle: ${String(error)}`,
    );
  } finally {
    zip?.close();
  }
  return finish(report);
}

function finish(report: VerificationReport): VerificationReport {
  report.ok = report.failures.length === 0;
  return report;
}
