import multipart from "@fastify/multipart";
import {
  AppError,
  ZEvidenceBundle,
  ZEvidenceBundleDetail,
  ZEvidenceIncidentParams,
  ZEvidenceOverview,
  ZEvidenceParams,
} from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { requireActor } from "../../platform/auth/auth.policy";
import { contextOf } from "../../platform/http/request-context";
import { assertIncidentTeam } from "../incidents/incident-access";
import { presentBundle, presentBundleDetail } from "./evidence.present";
import {
  assertEvidenceAccess,
  findBundle,
  readManifestCsv,
  recordAccess,
  uploadEvidence,
} from "./evidence.service";
import { loadCustodyChain } from "./evidence-custody";
import { listEvidenceOverview } from "./evidence-overview";
import { evidenceMaxBytes, getVault, withEvidenceErrors } from "./evidence-vault";
import { listSignerKeys } from "./signer-keys";

const tags = ["evidence"];

/** Evidence vault over HTTP: upload (multipart, streamed), list, detail, verified download, manifest.csv. */
export function evidenceRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // Registered here so the multipart parser and its limits only apply to this plugin's routes.
    await app.register(multipart, {
      limits: { fileSize: evidenceMaxBytes(), files: 1, fields: 0, parts: 2 },
    });
    const ctxOf = (request: Parameters<typeof contextOf>[0]) => ({
      ...contextOf(request),
      actor: requireActor(request),
    });

    app.get(
      "/api/evidence",
      {
        schema: {
          tags,
          summary: "インシデント別の証拠一覧 / Evidence by incident",
          response: { 200: ZEvidenceOverview },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await assertIncidentTeam(deps.db, actor, "record.read");
        return listEvidenceOverview(deps.db, actor, await listSignerKeys(deps, deps.db, actor));
      },
    );

    app.get(
      "/api/incidents/:id/evidence",
      {
        schema: {
          tags,
          summary: "インシデントの証拠バンドル / Evidence bundles of an incident",
          params: ZEvidenceIncidentParams,
          response: { 200: z.array(ZEvidenceBundle) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await assertEvidenceAccess(deps.db, actor, request.params.id, false);
        const keys = await listSignerKeys(deps, deps.db, actor);
        const overview = await listEvidenceOverview(deps.db, actor, keys, request.params.id);
        return overview[0]?.bundles ?? [];
      },
    );

    app.post(
      "/api/incidents/:id/evidence",
      {
        schema: {
          tags,
          summary:
            "証拠バンドルのアップロード（multipart、検証してから保管）/ Upload an evidence bundle (verified before storing)",
          consumes: ["multipart/form-data"],
          params: ZEvidenceIncidentParams,
          response: { 201: ZEvidenceBundle },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request);
        await assertEvidenceAccess(deps.db, ctx.actor, request.params.id, true);
        if (!request.isMultipart()) throw new AppError("VALIDATION", { field: "file" });
        const file = await request.file();
        if (!file) throw new AppError("VALIDATION", { field: "file" });
        const { row } = await uploadEvidence(
          deps,
          ctx,
          request.params.id,
          file.filename,
          failWhenTruncated(file.file),
        );
        return reply.status(201).send(presentBundle(row, await listSignerKeys(deps, deps.db, ctx.actor)));
      },
    );

    app.get(
      "/api/incidents/:id/evidence/:sha256",
      {
        schema: {
          tags,
          summary:
            "証拠バンドルの詳細（閲覧は保管記録と監査に残る）/ Bundle detail (recorded in custody and audit)",
          params: ZEvidenceParams,
          response: { 200: ZEvidenceBundleDetail },
        },
      },
      async (request) => {
        const ctx = ctxOf(request);
        const { id, sha256 } = request.params;
        await assertEvidenceAccess(deps.db, ctx.actor, id, false);
        const row = await findBundle(deps.db, ctx.actor, id, sha256);
        await recordAccess(deps.db, ctx, row, "vault.viewed", {
          type: "evidence.viewed",
          incidentId: id,
          sha256,
        });
        const chain = await loadCustodyChain(deps.db, row);
        const keys = await listSignerKeys(deps, deps.db, requireActor(request));
        return presentBundleDetail(row, keys, { custody: chain.custody, custodyFailures: chain.failures });
      },
    );

    app.get(
      "/api/incidents/:id/evidence/:sha256/download",
      {
        schema: {
          tags,
          summary:
            "証拠バンドルのダウンロード（送信中に再検証）/ Download the bundle (re-hashed while streaming)",
          params: ZEvidenceParams,
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request);
        const { id, sha256 } = request.params;
        await assertEvidenceAccess(deps.db, ctx.actor, id, false);
        const row = await findBundle(deps.db, ctx.actor, id, sha256);
        const download = await withEvidenceErrors(() => getVault(deps).openVerified(sha256));
        // The custody row is written before a single byte leaves: an export is never unrecorded.
        await recordAccess(
          deps.db,
          ctx,
          row,
          "vault.downloaded",
          { type: "evidence.downloaded", incidentId: id, sha256, what: "bundle" },
          { sizeBytes: download.size },
        );
        return reply
          .type("application/zip")
          .header("content-length", String(download.size))
          .header("content-disposition", `attachment; filename="evidence-${sha256.slice(0, 16)}.zip"`)
          .header("cache-control", "no-store")
          .send(download.stream);
      },
    );

    app.get(
      "/api/incidents/:id/evidence/:sha256/manifest.csv",
      {
        schema: {
          tags,
          summary: "マニフェストCSV（Excel用）/ Manifest CSV for Excel",
          params: ZEvidenceParams,
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request);
        const { id, sha256 } = request.params;
        await assertEvidenceAccess(deps.db, ctx.actor, id, false);
        const row = await findBundle(deps.db, ctx.actor, id, sha256);
        const csv = await readManifestCsv(deps, row);
        await recordAccess(deps.db, ctx, row, "vault.manifest_exported", {
          type: "evidence.downloaded",
          incidentId: id,
          sha256,
          what: "manifest_csv",
        });
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="manifest-${sha256.slice(0, 16)}.csv"`)
          .header("cache-control", "no-store")
          .send(csv);
      },
    );
  };
}

/**
 * The multipart parser ends a file stream silently at the size limit (marking it `truncated`);
 * the upload must fail instead of storing (or verifying) a cut-off bundle.
 */
async function* failWhenTruncated(
  stream: AsyncIterable<Buffer> & { truncated?: boolean },
): AsyncGenerator<Buffer> {
  for await (const chunk of stream) yield chunk;
  if (stream.truncated) {
    throw new AppError("PAYLOAD_TOO_LARGE", {
      field: "file",
      detail: {
        ja: `証拠バンドルが上限 ${evidenceMaxBytes()} バイトを超えています。何も保管していません`,
        en: `The evidence bundle exceeds the limit of ${evidenceMaxBytes()} bytes. Nothing was stored`,
      },
    });
  }
}
