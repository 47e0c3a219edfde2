import {
  NATIONAL_UNIT_ID,
  ZHubCardBatch,
  ZHubCardBrand,
  ZHubCardDashboard,
  ZHubCardEntriesQuery,
  ZHubCardEntry,
  ZHubCardImportRequest,
  ZHubCardImportResult,
  ZHubCardRecipient,
  ZHubCardRecipientRequest,
  ZHubCardSingleEntry,
} from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { contextOf } from "../../platform/http/request-context";
import { assertHubCan, type HubActor, hubCan, requireHubActor } from "../auth/hub.policy";
import { HUB_CARD_ACTIONS } from "../auth/hub-rights";
import { findCardBatches } from "./card-batch-list";
import { scheduleCardBatches } from "./card-batch-schedule";
import {
  buildAllBrandBatches,
  buildBrandBatch,
  getBatchFile,
  markBatchSent,
  reissueBatch,
} from "./card-batches.service";
import { findCardEntries, getCardDashboard, getCardEntry } from "./card-entries.service";
import { readCardFile } from "./card-file";
import { importCards } from "./card-import.service";
import { loadCardKeys } from "./card-keys";
import { findCardRecipients, setCardRecipient } from "./card-recipients.service";

const ZId = z.object({ id: z.uuid() });

/** Batch and recipient actions are asked of the national unit; entering and reading of the own unit. */
function cardRightsOf(actor: HubActor) {
  return HUB_CARD_ACTIONS.filter((a) =>
    hubCan(actor, a, a === "cards.batch" || a === "cards.recipients" ? NATIONAL_UNIT_ID : actor.unitId),
  );
}
const langOf = (header: string | undefined) => (header?.toLowerCase().startsWith("en") ? "en" : "ja");

/**
 * Misused card numbers (issue 19): intake by any unit, masked reads, brand batches and recipients
 * for the national unit. Batch and recipient actions are asked of the national unit itself, so the
 * rights table grants them only through a national membership.
 */
export function hubCardsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const keys = () => loadCardKeys(deps.config.dataDir);
  return async (app) => {
    scheduleCardBatches(app, deps);
    app.get(
      "/api/hub/cards/me",
      { schema: { tags: ["hub"], summary: "カード番号の権限 / My card rights (which screens to offer)" } },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        return { rights: cardRightsOf(actor) };
      },
    );
    app.post(
      "/api/hub/cards/entries",
      {
        schema: {
          tags: ["hub"],
          summary: "カード番号の登録 / Enter one card number",
          body: ZHubCardSingleEntry,
          response: { 200: ZHubCardImportResult },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        assertHubCan(actor, "cards.enter");
        const b = request.body;
        return importCards(deps.db, keys(), contextOf(request), {
          unitId: actor.unitId,
          kind: "single",
          lines: [{ line: 1, raw: b.number, fromNumberCell: false, exposure: {}, expiryDamaged: false }],
          defaults: { exposure: b.exposure, source: b.source, learnedOn: b.learnedOn },
          lang: langOf(request.headers["accept-language"]),
        });
      },
    );
    app.post(
      "/api/hub/cards/imports",
      {
        bodyLimit: 16 * 1024 * 1024,
        schema: {
          tags: ["hub"],
          summary: "カード番号の一括登録 / Import a file of card numbers",
          body: ZHubCardImportRequest,
          response: { 200: ZHubCardImportResult },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        assertHubCan(actor, "cards.enter");
        const b = request.body;
        const lines = await readCardFile(b.format, Buffer.from(b.contentBase64, "base64"));
        return importCards(deps.db, keys(), contextOf(request), {
          unitId: actor.unitId,
          kind: b.format,
          lines,
          defaults: { exposure: b.exposure, source: b.source, learnedOn: b.learnedOn },
          lang: langOf(request.headers["accept-language"]),
        });
      },
    );
    app.get(
      "/api/hub/cards/entries",
      {
        schema: {
          tags: ["hub"],
          summary: "カード番号(マスク表示) / Card numbers, masked",
          querystring: ZHubCardEntriesQuery,
          response: { 200: z.object({ items: z.array(ZHubCardEntry), nextBefore: z.string().nullable() }) },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        return findCardEntries(deps.db, contextOf(request), actor, request.query);
      },
    );
    app.get(
      "/api/hub/cards/entries/:id",
      {
        schema: {
          tags: ["hub"],
          summary: "カード番号1件 / One card number, masked",
          params: ZId,
          response: { 200: ZHubCardEntry },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        return getCardEntry(deps.db, contextOf(request), actor, request.params.id);
      },
    );
    app.get(
      "/api/hub/cards/dashboard",
      {
        schema: {
          tags: ["hub"],
          summary: "ブランド別の待ち件数 / Waiting per brand",
          response: { 200: ZHubCardDashboard },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        return getCardDashboard(deps.db, contextOf(request), actor);
      },
    );
    app.get(
      "/api/hub/cards/batches",
      {
        schema: {
          tags: ["hub"],
          summary: "ブランド向けバッチ / Brand batches",
          response: { 200: z.array(ZHubCardBatch) },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        assertHubCan(actor, "cards.batch", NATIONAL_UNIT_ID);
        return findCardBatches(deps.db, contextOf(request));
      },
    );
    app.post(
      "/api/hub/cards/batches",
      {
        schema: {
          tags: ["hub"],
          summary: "バッチ作成 / Build brand batches",
          body: z.object({ brand: ZHubCardBrand.optional() }),
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        assertHubCan(actor, "cards.batch", NATIONAL_UNIT_ID);
        const ctx = contextOf(request);
        const built = request.body.brand
          ? [await buildBrandBatch(deps.db, keys(), ctx, request.body.brand)].filter((b) => b !== null)
          : await buildAllBrandBatches(deps.db, keys(), ctx);
        return { built: built.map((b) => ({ id: b.id, manifest: b.manifest })) };
      },
    );
    app.post(
      "/api/hub/cards/batches/:id/reissue",
      { schema: { tags: ["hub"], summary: "バッチ再発行 / Re-issue a batch", params: ZId } },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        assertHubCan(actor, "cards.batch", NATIONAL_UNIT_ID);
        return reissueBatch(deps.db, keys(), contextOf(request), request.params.id);
      },
    );
    app.post(
      "/api/hub/cards/batches/:id/sent",
      { schema: { tags: ["hub"], summary: "送付の記録 / Record a batch as sent", params: ZId } },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        assertHubCan(actor, "cards.batch", NATIONAL_UNIT_ID);
        await markBatchSent(deps.db, contextOf(request), request.params.id);
        return { ok: true };
      },
    );
    app.get(
      "/api/hub/cards/batches/:id/file",
      { schema: { tags: ["hub"], summary: "暗号化ファイル / The encrypted file (OpenPGP)", params: ZId } },
      async (request, reply) => {
        const actor = await requireHubActor(deps.db, request);
        assertHubCan(actor, "cards.batch", NATIONAL_UNIT_ID);
        const file = await getBatchFile(deps.db, contextOf(request), request.params.id);
        return reply
          .header("content-type", "application/pgp-encrypted")
          .header(
            "content-disposition",
            `attachment; filename="sonae-cards-${file.brand}-${request.params.id}.csv.asc"`,
          )
          .send(file.file_encrypted);
      },
    );
    app.get(
      "/api/hub/cards/recipients",
      {
        schema: {
          tags: ["hub"],
          summary: "ブランドの受領者 / Brand recipients",
          response: { 200: z.array(ZHubCardRecipient) },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        assertHubCan(actor, "cards.batch", NATIONAL_UNIT_ID);
        return findCardRecipients(deps.db, contextOf(request));
      },
    );
    app.post(
      "/api/hub/cards/recipients",
      {
        schema: {
          tags: ["hub"],
          summary: "受領者の公開鍵の登録 / Register a brand's public key",
          body: ZHubCardRecipientRequest,
          response: { 200: ZHubCardRecipient },
        },
      },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        assertHubCan(actor, "cards.recipients", NATIONAL_UNIT_ID);
        return setCardRecipient(deps.db, contextOf(request), request.body);
      },
    );
  };
}
