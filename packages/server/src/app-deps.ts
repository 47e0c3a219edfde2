import type { Db, DbKind } from "@sonae/db";
import type { ServerConfig } from "./config";

/** What route modules receive: the database and configuration, nothing global. */
export type AppDeps = { db: Db; dbKind: DbKind; config: ServerConfig };
