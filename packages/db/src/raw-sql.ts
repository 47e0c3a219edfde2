import type { SQL } from "drizzle-orm";
import type { Db } from "./create-db";

type Executor = Pick<Db, "execute">;

/**
 * Runs raw SQL and returns its rows. Both drivers return `{ rows }`, but PGlite gives bigint
 * columns as numbers and `pg` as strings: callers that read bigints must normalise with Number().
 */
export async function queryRows<T extends Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
