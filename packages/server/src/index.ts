export { buildApp } from "./app";
export type { AppDeps } from "./app-deps";
export { loadConfig, type ServerConfig } from "./config";
export { createUser } from "./platform/users/users.service";
export { startServer } from "./start-server";
