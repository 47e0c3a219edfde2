import { KIT_UPLOAD_CHUNK_BYTES, sha256Hex } from "@sonae/collector";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { presentBundle } from "./evidence.present";
import { appendKitChunk, findKitUpload, kitUploadOffset, startKitUpload } from "./kit-upload.service";
import { authenticateKitRequest, kitActorFor, kitContext } from "./kit-upload-auth";
import { listSignerKeys } from "./signer-keys";

const tags = ["evidence"];
const EMPTY_SHA256 = sha256Hex("");

/**
 * Resumable upload of a bundle by the kit that made it (no session: every request is signed by the
 * kit key). POST starts or finds the upload, GET tells the received offset, PUT sends a chunk.
 */
export function kitUploadRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser(
      "application/octet-stream",
      { parseAs: "buffer", bodyLimit: KIT_UPLOAD_CHUNK_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.post(
      "/api/kit-uploads/incidents/:incidentId",
      {
        schema: {
          tags,
          summary: "キットによるアップロードの開始・再開 / Start or resume a kit upload",
          params: z.object({ incidentId: z.string().uuid() }),
          querystring: z.object({
            size: z.coerce.number().int().positive(),
            sha256: z.string().regex(/^[0-9a-f]{64}$/),
            name: z.string().trim().min(1).max(255),
          }),
        },
      },
      async (request, reply) => {
        const { size, sha256, name } = request.query;
        const key = await authenticateKitRequest(deps, request, 0, sha256);
        const actor = await kitActorFor(deps, request, key, request.params.incidentId);
        const { upload, offset } = await startKitUpload(deps, kitContext(request, actor), key, {
          incidentId: request.params.incidentId,
          size,
          sha256,
          fileName: name,
        });
        return reply.status(201).send({ uploadId: upload.id, offset, size: upload.size });
      },
    );

    app.get(
      "/api/kit-uploads/:uploadId",
      {
        schema: {
          tags,
          summary: "キットによるアップロードの受信済み位置 / Bytes received of a kit upload",
          params: z.object({ uploadId: z.string().uuid() }),
        },
      },
      async (request) => {
        const key = await authenticateKitRequest(deps, request, 0, EMPTY_SHA256);
        const upload = await findKitUpload(deps, key, request.params.uploadId);
        return { uploadId: upload.id, offset: await kitUploadOffset(deps, upload), size: upload.size };
      },
    );

    app.put(
      "/api/kit-uploads/:uploadId",
      {
        schema: {
          tags,
          summary: "キットによるアップロードのチャンク送信 / Send one chunk of a kit upload",
          params: z.object({ uploadId: z.string().uuid() }),
          querystring: z.object({ offset: z.coerce.number().int().nonnegative() }),
        },
      },
      async (request, reply) => {
        const chunk = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const { offset } = request.query;
        const key = await authenticateKitRequest(deps, request, offset, sha256Hex(chunk));
        const upload = await findKitUpload(deps, key, request.params.uploadId);
        const actor = await kitActorFor(deps, request, key, upload.incidentId);
        const result = await appendKitChunk(deps, kitContext(request, actor), upload, offset, chunk);
        if (!result.row) return { uploadId: upload.id, offset: result.offset, size: upload.size };
        const keys = await listSignerKeys(deps, deps.db, actor);
        return reply
          .status(201)
          .send({ uploadId: upload.id, offset: result.offset, bundle: presentBundle(result.row, keys) });
      },
    );
  };
}
