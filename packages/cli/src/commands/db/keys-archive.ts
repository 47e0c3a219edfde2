import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { hashRaw } from "@node-rs/argon2";
import { AppError } from "@sonae/core";

/**
 * An optional, passphrase-encrypted copy of `<dataDir>/keys` (evidence signing key, hub KEK, hub
 * submission key), written next to — never inside — a backup. The key is derived with argon2id
 * (RFC 9106; 64 MiB, 3 passes, 1 lane: the RFC's second recommended option, sized for a one-off
 * export rather than a login) and the files are sealed with AES-256-GCM; the header (format, KDF
 * parameters, salt) is the GCM additional data, so changing any of it makes decryption fail.
 */
const FORMAT = "sonae-keys";
const VERSION = 1;
const ARGON2ID = 2; // @node-rs/argon2's Algorithm is a const enum that isolated modules cannot read
const KDF = { name: "argon2id", memoryKiB: 65_536, iterations: 3, parallelism: 1 } as const;
/** Shorter passphrases are refused: the file may be stolen together with the backup. */
export const MIN_PASSPHRASE_LENGTH = 12;

type KeysHeader = {
  format: typeof FORMAT;
  version: typeof VERSION;
  kdf: typeof KDF & { salt: string };
  cipher: { name: "aes-256-gcm"; iv: string };
};
type KeysFile = KeysHeader & { tag: string; ciphertext: string };

async function deriveKey(passphrase: string, kdf: KeysHeader["kdf"]): Promise<Buffer> {
  return hashRaw(passphrase.normalize("NFC"), {
    algorithm: ARGON2ID,
    memoryCost: kdf.memoryKiB,
    timeCost: kdf.iterations,
    parallelism: kdf.parallelism,
    outputLen: 32,
    salt: Buffer.from(kdf.salt, "base64"),
  });
}

/** Encrypts every file of `keyDir` into `outFile` (created, never overwritten, mode 0600). */
export async function exportKeys(keyDir: string, outFile: string, passphrase: string): Promise<string[]> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError("VALIDATION", {
      field: "passphrase",
      detail: {
        ja: `パスフレーズは ${MIN_PASSPHRASE_LENGTH} 文字以上にしてください。`,
        en: `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long.`,
      },
    });
  }
  const entries = await readdir(keyDir, { withFileTypes: true }).catch(() => []);
  const files: Record<string, string> = {};
  for (const e of entries) {
    if (e.isFile()) files[e.name] = (await readFile(path.join(keyDir, e.name))).toString("base64");
  }
  if (Object.keys(files).length === 0) {
    throw new AppError("NOT_FOUND", {
      detail: { ja: `鍵のフォルダが空です: ${keyDir}`, en: `The key folder is empty: ${keyDir}` },
    });
  }
  const header: KeysHeader = {
    format: FORMAT,
    version: VERSION,
    kdf: { ...KDF, salt: randomBytes(16).toString("base64") },
    cipher: { name: "aes-256-gcm", iv: randomBytes(12).toString("base64") },
  };
  const cipher = createCipheriv(
    "aes-256-gcm",
    await deriveKey(passphrase, header.kdf),
    Buffer.from(header.cipher.iv, "base64"),
  );
  cipher.setAAD(Buffer.from(JSON.stringify(header)));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify({ files })), cipher.final()]);
  const sealed: KeysFile = {
    ...header,
    tag: cipher.getAuthTag().toString("base64"),
    ciphertext: ciphertext.toString("base64"),
  };
  await writeFile(outFile, `${JSON.stringify(sealed)}\n`, { flag: "wx", mode: 0o600 });
  return Object.keys(files).sort();
}

/**
 * Decrypts a keys file into `keyDir` (0700, files 0600). Refuses a wrong passphrase or an altered
 * file before writing anything, and never replaces a key that is already there.
 */
export async function importKeys(inFile: string, keyDir: string, passphrase: string): Promise<string[]> {
  return writeKeyFiles(keyDir, await decryptKeysFile(inFile, passphrase));
}

/** Opens a keys file: its files by name. A wrong passphrase or any change to the file fails here. */
export async function decryptKeysFile(inFile: string, passphrase: string): Promise<Map<string, Buffer>> {
  const label = path.basename(inFile);
  let sealed: KeysFile;
  try {
    sealed = JSON.parse(await readFile(inFile, "utf8")) as KeysFile;
  } catch (cause) {
    throw invalidKeysFile(label, cause);
  }
  if (sealed.format !== FORMAT || sealed.version !== VERSION || sealed.kdf?.name !== KDF.name) {
    throw invalidKeysFile(label);
  }
  const header: KeysHeader = {
    format: sealed.format,
    version: sealed.version,
    kdf: sealed.kdf,
    cipher: sealed.cipher,
  };
  let files: Record<string, string>;
  try {
    const decipher = createDecipheriv(
      "aes-256-gcm",
      await deriveKey(passphrase, header.kdf),
      Buffer.from(header.cipher.iv, "base64"),
    );
    decipher.setAAD(Buffer.from(JSON.stringify(header)));
    decipher.setAuthTag(Buffer.from(sealed.tag, "base64"));
    const plain = Buffer.concat([
      decipher.update(Buffer.from(sealed.ciphertext, "base64")),
      decipher.final(),
    ]);
    files = (JSON.parse(plain.toString("utf8")) as { files: Record<string, string> }).files;
  } catch (cause) {
    throw new AppError("VALIDATION", {
      cause,
      field: "passphrase",
      detail: {
        ja: `${label} を復号できません。パスフレーズが違うか、ファイルが改ざん・破損しています。何も書き込んでいません。`,
        en: `Cannot decrypt ${label}: wrong passphrase, or the file was altered or damaged. Nothing was written.`,
      },
    });
  }
  const names = Object.keys(files).sort();
  if (names.some((n) => n !== path.basename(n) || n.startsWith("."))) throw invalidKeysFile(label);
  return new Map(names.map((n) => [n, Buffer.from(files[n] ?? "", "base64")]));
}

/** Writes decrypted keys into `keyDir`; refuses (before writing) if any name is already there. */
export async function writeKeyFiles(keyDir: string, files: Map<string, Buffer>): Promise<string[]> {
  const names = [...files.keys()];
  await mkdir(keyDir, { recursive: true, mode: 0o700 });
  const present = (await readdir(keyDir)).filter((n) => files.has(n));
  if (present.length > 0) {
    throw new AppError("CONFLICT", {
      detail: {
        ja: `${keyDir} に同じ名前の鍵が既にあります (${present.join(", ")})。上書きしません。`,
        en: `${keyDir} already holds keys with these names (${present.join(", ")}). They are never overwritten.`,
      },
    });
  }
  const written: string[] = [];
  try {
    for (const [name, data] of files) {
      const target = path.join(keyDir, name);
      await writeFile(target, data, { flag: "wx", mode: 0o600 });
      written.push(target);
    }
  } catch (error) {
    for (const target of written) await rm(target, { force: true });
    throw error;
  }
  return names;
}

function invalidKeysFile(label: string, cause?: unknown): AppError {
  return new AppError("VALIDATION", {
    cause,
    detail: {
      ja: `${label} は Sonae の鍵ファイルではありません。`,
      en: `${label} is not a Sonae keys file.`,
    },
  });
}
