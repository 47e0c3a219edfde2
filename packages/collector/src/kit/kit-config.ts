import { z } from "zod";
import { ZCollectionTarget } from "../targets/target-schema";

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
  })
  .strict();

export type KitConfig = z.infer<typeof ZKitConfig>;
export const KIT_ASSET = "kit.json";
