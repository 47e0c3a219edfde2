import { z } from "zod";
import { ZOrganisationProfile } from "../organisation/organisation-contracts";

export const ROLES = ["admin", "member", "viewer"] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

export const ZEmail = z.string().trim().toLowerCase().pipe(z.email()).meta({ description: "E-mail address" });

/**
 * Passwords: at least 12 characters (NIST SP 800-63B allows long passphrases and forbids
 * composition rules; length is what matters), at most 256 to bound argon2 work.
 */
export const ZPassword = z.string().min(12).max(256);

export const ZSetupRequest = z.object({
  organisation: ZOrganisationProfile,
  admin: z.object({ displayName: z.string().trim().min(1).max(100), email: ZEmail, password: ZPassword }),
});
export type TSetupRequest = z.infer<typeof ZSetupRequest>;

export const ZLoginRequest = z.object({ email: ZEmail, password: z.string().min(1).max(256) });

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: ZPassword,
});

export const ZCreateUserRequest = z.object({
  displayName: z.string().trim().min(1).max(100),
  email: ZEmail,
  password: ZPassword,
  role: ZRole,
});

export const ZUser = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: ZRole,
  isDisabled: z.boolean(),
  createdAt: z.string(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZSessionResponse = z.object({
  setupRequired: z.boolean(),
  csrfToken: z.string(),
  user: ZUser.nullable(),
  organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type TSessionResponse = z.infer<typeof ZSessionResponse>;
