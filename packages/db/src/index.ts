export * from "./backup/dump-database";
export * from "./backup/restore-database";
export * from "./backup/vault-references";
export * from "./create-db";
export { MIGRATIONS_FOLDER } from "./migrate";
export * from "./schema";
