import { z } from "zod";
import { ZCollectionTarget } from "../targets/target-schema";
import { isAllowedUploadUrl } from "./upload-signature";

const ZText = z.object({ ja: z.string(), en: z.string() }).strict();

/** Everything a kit carries (embedded as the SEA asset `kit.json`). */
export const ZKitConfig = z
  .object({
    format: z.literal("sonae-collector-kit"),
    version: z.literal(1),
    kitId: z.string().min(1).max(100),
    platform: z.enum(["linux-x64", "windows-x64"]),
    incident: z.object({ id: z.string(), reference: z.string().min(1).max(100) }).strict(),
    organisation: z.object({ name: z.string().min(1).max(300) }).strict(),
    issuedTo: z.string().min(1).max(200),
    issuedAt: z.string(),
    examinerPrompt: ZText,
    targets: z.array(ZCollectionTarget).max(200),
    extraPaths: z.array(z.string().min(1).max(1000)).max(100),
    signingKeyPem: z.string().includes("PRIVATE KEY"),
    publicKeyPem: z.string().includes("PUBLIC KEY"),
    fingerprint: z.string().startsWith("SHA256:"),
    /** NTP server for the clock check; null skips it (machines cut off from the network). */
    ntpServer: z.string().nullable(),
    /** When set, the bundle leaves the machine only encrypted to this organisation key (X25519). */
    encryptTo: z
      .object({ publicKeyPem: z.string(), fingerprint: z.string() })
      .strict()
      .nullable()
      .default(null),
    /** The Sonae server the kit came from; when set, the kit offers to upload the bundle there. */
    uploadUrl: z
      .string()
      .max(500)
      .refine(isAllowedUploadUrl, "https (or http to localhost)")
      .nullable()
      .default(null),
  })
  .strict();

export type KitConfig = z.infer<typeof ZKitConfig>;
export const KIT_ASSET = "kit.json";
