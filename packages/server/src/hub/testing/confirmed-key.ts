import pg from "pg";
import { fingerprintOf } from "../intake/signature";

/**
 * Enrols an organisation key as confirmed, as a unit admin would after the phone check: for the
 * kill test and the benchmark, which measure the confirmed lane (an unconfirmed key would meet
 * that lane's quotas after a few submissions, by design).
 */
export async function insertConfirmedKey(
  databaseUrl: string,
  publicKey: string,
  orgName: string,
  unitId: number,
) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO hub_org_keys (fingerprint, public_key, org_name, prefecture_unit_id, status, confirmed_at)
       VALUES ($1, $2, $3, $4, 'active', now())
       ON CONFLICT (fingerprint) DO UPDATE SET status = 'active', confirmed_at = now()`,
      [fingerprintOf(publicKey), publicKey, orgName, unitId],
    );
  } finally {
    await client.end();
  }
}
