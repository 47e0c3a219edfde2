import { createHash } from "node:crypto";
import type { THubCardBrand, THubCardManifest } from "@sonae/core";
import * as openpgp from "openpgp";

/** One number as it goes into a brand's file (only ever held in memory while the file is built). */
export type BatchLine = {
  pan: string;
  learnedOn: string;
  expiry: boolean;
  cvc: boolean;
  holder: boolean;
  threeDs: boolean;
};

const HEADER = "pan,learned_on,exposed_expiry,exposed_cvc,exposed_holder,exposed_3ds";
const flag = (b: boolean) => (b ? "1" : "0");

/**
 * The brand's file: CSV sorted by number (so a re-issue of the same numbers is byte-identical before
 * encryption and its SHA-256 matches), with a manifest of counts, exposure breakdown and date range.
 */
export function buildBatchCsv(lines: BatchLine[]): {
  csv: Buffer;
  manifest: Omit<THubCardManifest, "brand" | "encryptedSha256" | "recipientFingerprint" | "reissueOf">;
} {
  const sorted = [...lines].sort((a, b) => (a.pan < b.pan ? -1 : a.pan > b.pan ? 1 : 0));
  const body = sorted.map(
    (l) => `${l.pan},${l.learnedOn},${flag(l.expiry)},${flag(l.cvc)},${flag(l.holder)},${flag(l.threeDs)}`,
  );
  const csv = Buffer.from(`${[HEADER, ...body].join("\n")}\n`, "utf8");
  const dates = sorted.map((l) => l.learnedOn).sort();
  return {
    csv,
    manifest: {
      count: sorted.length,
      exposure: {
        numberOnly: sorted.filter((l) => !l.expiry && !l.cvc && !l.holder && !l.threeDs).length,
        expiry: sorted.filter((l) => l.expiry).length,
        cvc: sorted.filter((l) => l.cvc).length,
        holder: sorted.filter((l) => l.holder).length,
        threeDs: sorted.filter((l) => l.threeDs).length,
      },
      learnedFrom: dates[0] ?? null,
      learnedTo: dates.at(-1) ?? null,
      fileSha256: sha256(csv),
    },
  };
}

export function sha256(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Reads a recipient's armored OpenPGP public key; refuses private keys and keys that cannot encrypt. */
export async function readRecipientKey(
  armored: string,
): Promise<{ key: openpgp.PublicKey; fingerprint: string }> {
  const key = await openpgp.readKey({ armoredKey: armored });
  if (key.isPrivate()) throw new Error("private key");
  await key.getEncryptionKey();
  return { key: key as openpgp.PublicKey, fingerprint: key.getFingerprint().toUpperCase() };
}

/** Encrypts the file to the brand's key: the only form in which full numbers leave the hub. */
export async function encryptForRecipient(
  csv: Buffer,
  armoredKey: string,
  brand: THubCardBrand,
  batchId: string,
) {
  const { key } = await readRecipientKey(armoredKey);
  const message = await openpgp.createMessage({
    binary: new Uint8Array(csv),
    filename: `sonae-cards-${brand}-${batchId}.csv`,
    format: "binary",
  });
  return (await openpgp.encrypt({ message, encryptionKeys: key })) as string;
}
