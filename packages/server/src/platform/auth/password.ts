import { hash, verify } from "@node-rs/argon2";

/** @node-rs/argon2 exports Algorithm as a const enum, which isolated modules cannot read: 2 is Argon2id. */
const ARGON2ID = 2;

/**
 * argon2id with OWASP's recommended minimum (19 MiB memory, 2 iterations, 1 lane).
 * The PHC string carries its parameters, so raising them later still verifies old hashes.
 */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

/**
 * Verifying against this when the e-mail is unknown keeps the response time the same as for a
 * wrong password, so timing does not reveal which addresses have accounts.
 */
let dummyHash: Promise<string> | undefined;
export function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword("sonae-timing-equaliser-not-a-password");
  return dummyHash;
}
