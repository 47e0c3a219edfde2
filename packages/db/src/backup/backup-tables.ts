import { sql } from "drizzle-orm";
import type { Db } from "../create-db";
import { queryRows } from "../raw-sql";

/** Tables never carried in a backup: live sessions must not be resurrected on another machine. */
const EXCLUDED = new Set(["sessions"]);

/** Application tables in an order where every referenced table comes first. */
export async function listBackupTables(db: Pick<Db, "execute">): Promise<string[]> {
  const tables = (
    await queryRows<{ name: string }>(
      db,
      sql`SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  )
    .map((r) => r.name)
    .filter((n) => !EXCLUDED.has(n));
  const edges = await queryRows<{ child: string; parent: string }>(
    db,
    sql`SELECT tc.table_name AS child, ccu.table_name AS parent
        FROM information_schema.table_constraints tc
        JOIN information_schema.constraint_column_usage ccu
          ON tc.constraint_name = ccu.constraint_name AND tc.table_schema = ccu.table_schema
        WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const e of edges) if (e.child !== e.parent) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t)) return;
    path.add(t);
    for (const p of parents.get(t) ?? []) if (parents.has(p)) visit(p, path);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

/** Names of applied migrations: a backup restores only into the same schema version. */
export async function listAppliedMigrations(db: Pick<Db, "execute">): Promise<string[]> {
  const rows = await queryRows<{ hash: string }>(
    db,
    sql`SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id`,
  );
  return rows.map((r) => r.hash);
}

export const BACKUP_FORMAT = "sonae-backup";
export const BACKUP_VERSION = 1;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  backend: string;
  migrations: string[];
  tables: string[];
};
