import { createReadStream } from "node:fs";
import { ZAddSignerKeyRequest, ZEvidenceIncidentParams, ZIssueKitRequest, ZSignerKey } from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { assertCan, requireActor } from "../../platform/auth/auth.policy";
import { contextOf } from "../../platform/http/request-context";
import { issueCollectorKit, listIncidentKits } from "./collector-kits";
import { assertEvidenceAccess } from "./evidence.service";
import { addSignerKey, listSignerKeys, removeSignerKey } from "./signer-keys";

const tags = ["evidence"];

/** Known signer keys (list, add, remove) and collector kits (issue = build and download, list). */
export function signerKeyRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const ctxOf = (request: Parameters<typeof contextOf>[0]) => ({
      ...contextOf(request),
      actor: requireActor(request),
    });

    app.get(
      "/api/evidence/signer-keys",
      {
        schema: { tags, summary: "既知の署名鍵 / Known signer keys", response: { 200: z.array(ZSignerKey) } },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        return listSignerKeys(deps, deps.db, actor);
      },
    );

    app.post(
      "/api/evidence/signer-keys",
      {
        schema: {
          tags,
          summary: "署名鍵を追加 (管理者) / Add a signer key (admin)",
          body: ZAddSignerKeyRequest,
          response: { 201: ZSignerKey },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request);
        assertCan(ctx.actor, "organisation.update");
        return reply
          .status(201)
          .send(await addSignerKey(deps, ctx, request.body.label, request.body.publicKeyPem));
      },
    );

    app.delete(
      "/api/evidence/signer-keys/:keyId",
      {
        schema: {
          tags,
          summary: "追加した署名鍵を削除 (管理者) / Remove an added signer key (admin)",
          params: z.object({ keyId: z.uuid() }),
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request);
        assertCan(ctx.actor, "organisation.update");
        await removeSignerKey(deps, ctx, request.params.keyId);
        return reply.status(204).send();
      },
    );

    app.get(
      "/api/incidents/:id/evidence/kits",
      {
        schema: {
          tags,
          summary: "発行した収集キット / Collector kits issued",
          params: ZEvidenceIncidentParams,
          response: { 200: z.array(ZSignerKey) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await assertEvidenceAccess(deps.db, actor, request.params.id, false);
        const keys = await listSignerKeys(deps, deps.db, actor);
        const kits = new Set((await listIncidentKits(deps.db, actor, request.params.id)).map((k) => k.id));
        return keys.filter((k) => k.id !== null && kits.has(k.id));
      },
    );

    app.post(
      "/api/incidents/:id/evidence/kits",
      {
        schema: {
          tags,
          summary: "収集キットを作成してダウンロード / Build and download a collector kit",
          params: ZEvidenceIncidentParams,
          body: ZIssueKitRequest,
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request);
        await assertEvidenceAccess(deps.db, ctx.actor, request.params.id, true);
        const kit = await issueCollectorKit(deps, ctx, request.params.id, request.body);
        const stream = createReadStream(kit.file);
        stream.once("close", () => void kit.cleanup());
        return reply
          .header("content-type", "application/octet-stream")
          .header("content-disposition", `attachment; filename="${kit.fileName}"`)
          .header("content-length", String(kit.size))
          .header("x-sonae-kit-id", kit.kitId)
          .header("x-sonae-kit-sha256", kit.sha256)
          .header("x-sonae-kit-fingerprint", kit.fingerprint)
          .send(stream);
      },
    );
  };
}
