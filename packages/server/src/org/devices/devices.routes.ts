import {
  ZCreateDeviceRequest,
  ZDeviceExportQuery,
  ZDeviceImportConfirmRequest,
  ZDeviceImportPreview,
  ZDeviceImportPreviewRequest,
  ZDeviceImportResult,
  ZDeviceListResponse,
  ZDeviceResponse,
  ZUpdateDeviceRequest,
} from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { recordAudit } from "../../platform/audit/audit.service";
import { assertCan, requireActor } from "../../platform/auth/auth.policy";
import { contextOf } from "../../platform/http/request-context";
import { getKevCatalog, getKevRanges, summariseKevCatalog } from "../kev/kev-catalog.cache";
import { presentDevice, sortDevicesByRisk } from "./devices.present";
import {
  createDevice,
  deleteDevice,
  findDevices,
  getDevice,
  matchDeviceRow,
  updateDevice,
} from "./devices.service";
import { renderDevicesCsv, renderDevicesXlsx } from "./devices-export";
import { confirmDeviceImport, previewDeviceImport } from "./devices-import.service";

const ZIdParams = z.object({ id: z.uuid() });
const TAGS = ["readiness"];
const BASE = "/api/readiness/devices";

/** The internet-facing device register with KEV matches, CSV/XLSX export and a two-step import. */
export function devicesRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const catalog = () => getKevCatalog(deps.config.dataDir);
  const ranges = () => getKevRanges(deps.config.dataDir);
  return async (app) => {
    app.get(
      BASE,
      {
        schema: {
          tags: TAGS,
          summary: "機器台帳と KEV 該当 / Device register with KEV matches",
          response: { 200: ZDeviceListResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        const kev = catalog();
        const nvd = ranges();
        const rows = await findDevices(deps.db, actor.organisationId);
        return {
          devices: sortDevicesByRisk(rows.map((row) => presentDevice(row, matchDeviceRow(row, kev, nvd)))),
          catalog: summariseKevCatalog(kev, nvd),
        };
      },
    );

    app.get(
      `${BASE}/:id`,
      {
        schema: {
          tags: TAGS,
          summary: "機器 / One device",
          params: ZIdParams,
          response: { 200: ZDeviceResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        const kev = catalog();
        const nvd = ranges();
        const row = await getDevice(deps.db, actor.organisationId, request.params.id);
        return {
          device: presentDevice(row, matchDeviceRow(row, kev, nvd)),
          catalog: summariseKevCatalog(kev, nvd),
        };
      },
    );

    app.post(
      BASE,
      {
        schema: {
          tags: TAGS,
          summary: "機器の登録 / Add a device",
          body: ZCreateDeviceRequest,
          response: { 201: ZDeviceResponse },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertCan(actor, "record.write");
        const kev = catalog();
        const nvd = ranges();
        const row = await createDevice(deps.db, contextOf(request), request.body);
        return reply.status(201).send({
          device: presentDevice(row, matchDeviceRow(row, kev, nvd)),
          catalog: summariseKevCatalog(kev, nvd),
        });
      },
    );

    app.put(
      `${BASE}/:id`,
      {
        schema: {
          tags: TAGS,
          summary: "機器の更新 / Update a device",
          params: ZIdParams,
          body: ZUpdateDeviceRequest,
          response: { 200: ZDeviceResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.write");
        const kev = catalog();
        const nvd = ranges();
        const row = await updateDevice(deps.db, contextOf(request), request.params.id, request.body);
        return {
          device: presentDevice(row, matchDeviceRow(row, kev, nvd)),
          catalog: summariseKevCatalog(kev, nvd),
        };
      },
    );

    app.delete(
      `${BASE}/:id`,
      {
        schema: {
          tags: TAGS,
          summary: "機器の削除 / Delete a device",
          params: ZIdParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertCan(actor, "record.write");
        await deleteDevice(deps.db, contextOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      `${BASE}/export`,
      {
        schema: {
          tags: TAGS,
          summary: "機器台帳の書き出し（CSV: UTF-8 BOM 付き / XLSX）/ Export the register",
          querystring: ZDeviceExportQuery,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        const kev = catalog();
        const nvd = ranges();
        const summary = summariseKevCatalog(kev, nvd);
        const rows = await findDevices(deps.db, actor.organisationId);
        const list = rows.map((row) => presentDevice(row, matchDeviceRow(row, kev, nvd)));
        const { format } = request.query;
        const body =
          format === "csv" ? renderDevicesCsv(list, summary) : await renderDevicesXlsx(list, summary);
        await recordAudit(deps.db, contextOf(request), {
          type: "devices.exported",
          format,
          count: list.length,
        });
        const stamp = new Date().toISOString().slice(0, 10);
        return reply
          .header(
            "content-type",
            format === "csv"
              ? "text/csv; charset=utf-8"
              : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          )
          .header("content-disposition", `attachment; filename="sonae-devices-${stamp}.${format}"`)
          .send(body);
      },
    );

    app.post(
      `${BASE}/import/preview`,
      {
        // The file travels base64-encoded in JSON: 2 MB of file is about 2.7 MB of body.
        bodyLimit: 3 * 1024 * 1024,
        schema: {
          tags: TAGS,
          summary: "取り込みの確認（書き込まない）/ Preview an import (writes nothing)",
          body: ZDeviceImportPreviewRequest,
          response: { 200: ZDeviceImportPreview },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.write");
        return previewDeviceImport(contextOf(request), request.body);
      },
    );

    app.post(
      `${BASE}/import/confirm`,
      {
        schema: {
          tags: TAGS,
          summary: "取り込みの実行 / Confirm an import (all rows or none)",
          body: ZDeviceImportConfirmRequest,
          response: { 200: ZDeviceImportResult },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.write");
        return { imported: await confirmDeviceImport(deps.db, contextOf(request), request.body.token) };
      },
    );
  };
}
