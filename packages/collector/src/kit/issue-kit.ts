import { generateKeyPairSync, randomUUID } from "node:crypto";
import { fingerprintPublicKey } from "@sonae/evidence";
import type { CollectionTarget } from "../targets/target-schema";
import type { KitConfig } from "./kit-config";

/** What the issuer decides when making a kit. */
export interface KitRequest {
  platform: KitConfig["platform"];
  incident: KitConfig["incident"];
  organisation: KitConfig["organisation"];
  issuedTo: string;
  targets: CollectionTarget[];
  extraPaths?: string[];
  ntpServer?: string | null;
  /** The organisation's X25519 public key, to encrypt bundles to. */
  encryptTo?: { publicKeyPem: string; fingerprint: string } | null;
  /** Server the kit may upload its bundle to (asked first); null/absent = off. */
  uploadUrl?: string | null;
}

/**
 * A kit configuration with a fresh Ed25519 key pair made for this kit only. The private key lives
 * only inside the kit; the caller keeps `publicKeyPem`/`fingerprint` to recognise its bundles.
 */
export function issueKitConfig(request: KitRequest, now = new Date()): KitConfig {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  return {
    format: "sonae-collector-kit",
    version: 1,
    kitId: `KIT-${randomUUID().slice(0, 8).toUpperCase()}`,
    platform: request.platform,
    incident: request.incident,
    organisation: request.organisation,
    issuedTo: request.issuedTo,
    issuedAt: now.toISOString(),
    examinerPrompt: { ja: "作業者の氏名を入力してください", en: "Enter the examiner's name" },
    targets: request.targets.filter(
      (t) => t.platform === (request.platform === "windows-x64" ? "windows" : "linux"),
    ),
    extraPaths: request.extraPaths ?? [],
    signingKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKeyPem,
    fingerprint: fingerprintPublicKey(publicKeyPem),
    ntpServer: request.ntpServer === undefined ? "ntp.nict.jp" : request.ntpServer,
    encryptTo: request.encryptTo ?? null,
    uploadUrl: request.uploadUrl ?? null,
  };
}
