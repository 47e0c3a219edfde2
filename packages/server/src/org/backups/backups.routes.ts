import { ZBackupRegister, ZBackupSet, ZCreateBackupSetRequest, ZUpdateBackupSetRequest } from "@sonae/core";
import type { AppDeps } from "../../app-deps";
import { registerRoutes } from "../registers/register-routes";
import {
  createBackupSet,
  deleteBackupSet,
  exportBackupSetsCsv,
  getBackupRegister,
  updateBackupSet,
} from "./backups.service";

/** The backup register: CRUD, checks next to each entry, CSV export. */
export function backupsRoutes(deps: AppDeps) {
  return registerRoutes(deps, {
    path: "/api/readiness/backups",
    csvFileName: "backup-register.csv",
    summaries: {
      read: "バックアップ台帳 / Backup register",
      csv: "バックアップ台帳のCSV出力 / Backup register as CSV",
      create: "バックアップの登録 / Add a backup set",
      update: "バックアップの更新 / Update a backup set",
      remove: "バックアップの削除 / Delete a backup set",
    },
    schemas: {
      register: ZBackupRegister,
      entry: ZBackupSet,
      create: ZCreateBackupSetRequest,
      update: ZUpdateBackupSetRequest,
    },
    service: {
      read: (db, organisationId) => getBackupRegister(db, organisationId),
      exportCsv: exportBackupSetsCsv,
      create: createBackupSet,
      update: updateBackupSet,
      remove: deleteBackupSet,
    },
  });
}
