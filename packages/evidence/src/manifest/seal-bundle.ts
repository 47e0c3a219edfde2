import { createHash } from "node:crypto";
import { appendCustodyEntry, type CustodyEntry } from "../custody/custody-chain";
import { type SigningKey, signBytes } from "../keys/key-store";
import type { ZipWriter } from "../zip/zip-writer";
import { renderManifestCsv } from "./manifest-csv";
import { BUNDLE_ENTRIES, type Manifest } from "./manifest-types";
import { renderFileSums, renderSumLines } from "./sha256sums";
import { renderVerifyText, VERIFY_TEXT_ENTRY } from "./verify-text";

/** Everything the seal needs; the manifest's custody head and signer are filled in here. */
export interface SealInput {
  manifest: Omit<Manifest, "custodyHeadHash" | "signer">;
  key: SigningKey;
}

/** Custody chain of a preservation run; its last entry binds the list of file hashes. */
export function buildPreservationCustody(manifest: SealInput["manifest"]): CustodyEntry[] {
  const actor = manifest.case.examiner;
  let entry = appendCustodyEntry(null, {
    at: manifest.startedAt,
    actor,
    action: "preservation.started",
    details: { caseId: manifest.case.id, hostname: manifest.collector.hostname, inputs: manifest.inputs },
  });
  const entries = [entry];
  for (const at of manifest.resumedAt) {
    entry = appendCustodyEntry(entry, { at, actor, action: "preservation.resumed", details: {} });
    entries.push(entry);
  }
  entry = appendCustodyEntry(entry, {
    at: manifest.endedAt,
    actor,
    action: "preservation.completed",
    details: {
      files: manifest.totals.files,
      bytes: manifest.totals.bytes,
      problems: manifest.totals.problems,
      fileSumsSha256: sha256(renderFileSums(manifest.files)),
    },
  });
  entries.push(entry);
  return entries;
}

/**
 * Writes the metadata entries after the files: manifest.json (signed), manifest.csv, custody.jsonl,
 * manifest.sig, signer.pub, VERIFY.txt and finally SHA256SUMS covering all of them.
 */
export async function writeSealEntries(zip: ZipWriter, input: SealInput): Promise<Manifest> {
  const custody = buildPreservationCustody(input.manifest);
  const manifest: Manifest = {
    ...input.manifest,
    custodyHeadHash: custody[custody.length - 1]?.hash ?? "",
    signer: { fingerprint: input.key.fingerprint },
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8");
  const meta: Array<[string, Buffer]> = [
    [BUNDLE_ENTRIES.manifest, manifestBytes],
    [BUNDLE_ENTRIES.csv, renderManifestCsv(manifest)],
    [BUNDLE_ENTRIES.custody, Buffer.from(custody.map((e) => `${JSON.stringify(e)}\n`).join(""), "utf8")],
    [BUNDLE_ENTRIES.signature, Buffer.from(`${signBytes(input.key, manifestBytes)}\n`, "utf8")],
    [BUNDLE_ENTRIES.publicKey, Buffer.from(input.key.publicKeyPem, "utf8")],
    [VERIFY_TEXT_ENTRY, renderVerifyText(input.key.fingerprint)],
  ];
  const mtime = new Date(manifest.endedAt);
  for (const [name, data] of meta) {
    await zip.addBuffer(name, data, { compressionLevel: 6, mtime, mode: 0o100444 });
  }
  const sums =
    renderFileSums(manifest.files) +
    renderSumLines(meta.map(([name, data]) => ({ name, sha256: sha256(data) })));
  await zip.addBuffer(BUNDLE_ENTRIES.sums, Buffer.from(sums, "utf8"), {
    compressionLevel: 6,
    mtime,
    mode: 0o100444,
  });
  return manifest;
}

function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}
