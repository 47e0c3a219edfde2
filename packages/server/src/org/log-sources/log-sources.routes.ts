import { ZCreateLogSourceRequest, ZLogRegister, ZLogSource, ZUpdateLogSourceRequest } from "@sonae/core";
import type { AppDeps } from "../../app-deps";
import { registerRoutes } from "../registers/register-routes";
import {
  createLogSource,
  deleteLogSource,
  exportLogSourcesCsv,
  getLogRegister,
  updateLogSource,
} from "./log-sources.service";

/** The log register: CRUD, checks next to each entry, CSV export. */
export function logSourcesRoutes(deps: AppDeps) {
  return registerRoutes(deps, {
    path: "/api/readiness/logs",
    csvFileName: "log-register.csv",
    summaries: {
      read: "ログ台帳 / Log register",
      csv: "ログ台帳のCSV出力 / Log register as CSV",
      create: "ログ取得元の登録 / Add a log source",
      update: "ログ取得元の更新 / Update a log source",
      remove: "ログ取得元の削除 / Delete a log source",
    },
    schemas: {
      register: ZLogRegister,
      entry: ZLogSource,
      create: ZCreateLogSourceRequest,
      update: ZUpdateLogSourceRequest,
    },
    service: {
      read: getLogRegister,
      exportCsv: exportLogSourcesCsv,
      create: createLogSource,
      update: updateLogSource,
      remove: deleteLogSource,
    },
  });
}
