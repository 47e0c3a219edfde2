import { z } from "zod";
import { ZRegisterWarning } from "./backups-contracts";

export const LOG_SOURCE_KINDS = [
  "vpn",
  "firewall",
  "domain_controller",
  "server",
  "pc",
  "cloud",
  "other",
] as const;
/** device_memory: lost when the device is switched off; device_disk: on the device only; forwarded: copied elsewhere. */
export const LOG_STORAGE = ["device_memory", "device_disk", "forwarded"] as const;

/** One log source (VPN, firewall, domain controller, …) and how its logs are kept. */
export const ZCreateLogSourceRequest = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(LOG_SOURCE_KINDS),
  deviceId: z.uuid().nullable().default(null),
  retentionDays: z.number().int().min(0).max(36_500).nullable().default(null),
  storage: z.enum(LOG_STORAGE),
  protectedFromDeletion: z.boolean().default(false),
  clockSynchronised: z.boolean().default(false),
  notes: z.string().trim().max(5000).nullable().default(null),
});
export type TCreateLogSourceRequest = z.infer<typeof ZCreateLogSourceRequest>;
export const ZUpdateLogSourceRequest = ZCreateLogSourceRequest;

export const ZLogSource = ZCreateLogSourceRequest.extend({
  id: z.string(),
  warnings: z.array(ZRegisterWarning),
  updatedAt: z.string(),
});
export type TLogSource = z.infer<typeof ZLogSource>;

export const ZLogRegister = z.object({
  logSources: z.array(ZLogSource),
  findings: z.array(ZRegisterWarning),
});
export type TLogRegister = z.infer<typeof ZLogRegister>;
