import {
  ZAddCaseUrls,
  ZDelistingDecision,
  ZDelistingRequest,
  ZDelistingRequestInput,
  ZJudgeUrl,
  ZPhishUrl,
  ZPhishUrlDetail,
  ZPhishUrlPage,
  ZPhishUrlQuery,
  ZUrlBatchResult,
  ZUrlFeed,
  ZUrlPartner,
  ZUrlPartnerInput,
} from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { contextOf } from "../../platform/http/request-context";
import { assertHubCan, requireHubActor } from "../auth/hub.policy";
import { powBits } from "../intake/proof-of-work.service";
import { loadHubKeyring } from "../store/hub-keyring";
import { addCaseUrls, listCaseUrls } from "./case-urls.service";
import { decideDelisting, listDelistingRequests, requestDelisting } from "./url-delisting.service";
import { judgeUrl } from "./url-judgement.service";
import {
  createPartner,
  issuePartnerToken,
  listFeeds,
  listPartners,
  revokePartnerToken,
  updatePartner,
} from "./url-partners.service";
import { findPhishUrls, getPhishUrl } from "./url-queries.service";

const ZId = z.object({ id: z.coerce.number().int().positive() });
const ZUuid = z.object({ id: z.uuid() });

/** Officers' URL work (queue, detail, judgement, case URLs, partners, delisting) and the public delisting form. */
export function phishingRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const ring = () => loadHubKeyring(deps.config.dataDir);
  const bits = powBits();
  return async (app) => {
    app.get(
      "/api/hub/urls",
      {
        schema: {
          tags: ["hub"],
          summary: "フィッシング等URLの一覧 / Phishing and fake-site URLs (work queue)",
          querystring: ZPhishUrlQuery,
          response: { 200: ZPhishUrlPage },
        },
      },
      async (request) =>
        findPhishUrls(deps.db, contextOf(request), await requireHubActor(deps.db, request), request.query),
    );
    app.get(
      "/api/hub/urls/:id",
      {
        schema: {
          tags: ["hub"],
          summary: "URLの詳細(目撃・クラスタ・判定支援) / One URL: sightings, clusters, assistant proposal",
          params: ZId,
          response: { 200: ZPhishUrlDetail },
        },
      },
      async (request) =>
        getPhishUrl(deps.db, contextOf(request), await requireHubActor(deps.db, request), request.params.id),
    );
    app.post(
      "/api/hub/urls/:id/judgement",
      {
        schema: {
          tags: ["hub"],
          summary: "URLの判定 / Judge a URL (analysts, unit admins)",
          params: ZId,
          body: ZJudgeUrl,
          response: { 200: z.object({ url: ZPhishUrl, discovered: z.int() }) },
        },
      },
      async (request) =>
        judgeUrl(
          deps.db,
          contextOf(request),
          await requireHubActor(deps.db, request),
          request.params.id,
          request.body,
        ),
    );
    app.post(
      "/api/hub/cases/:id/urls",
      {
        schema: {
          tags: ["hub"],
          summary: "事案にURLを追加 / Add URLs to a case",
          params: z.object({ id: z.string().max(64) }),
          body: ZAddCaseUrls,
          response: { 200: ZUrlBatchResult },
        },
      },
      async (request) =>
        addCaseUrls(
          deps.db,
          contextOf(request),
          await requireHubActor(deps.db, request),
          request.params.id,
          request.body.urls,
        ),
    );
    app.get(
      "/api/hub/cases/:id/urls",
      {
        schema: {
          tags: ["hub"],
          summary: "事案のURL / URLs of a case",
          params: z.object({ id: z.string().max(64) }),
          response: { 200: z.array(ZPhishUrl) },
        },
      },
      async (request) =>
        listCaseUrls(deps.db, contextOf(request), await requireHubActor(deps.db, request), request.params.id),
    );

    app.get(
      "/api/hub/url-feeds",
      { schema: { tags: ["hub"], summary: "フィード一覧 / Feeds", response: { 200: z.array(ZUrlFeed) } } },
      async (request) => {
        const actor = await requireHubActor(deps.db, request);
        assertHubCan(actor, "urls.read");
        return (await listFeeds(deps.db)).map(({ createdAt: _c, ...f }) => f);
      },
    );
    app.get(
      "/api/hub/url-partners",
      {
        schema: {
          tags: ["hub"],
          summary: "パートナー・フィード利用者 / Partners and feed consumers",
          response: { 200: z.array(ZUrlPartner) },
        },
      },
      async (request) => listPartners(deps.db, await requireHubActor(deps.db, request)),
    );
    app.post(
      "/api/hub/url-partners",
      {
        schema: {
          tags: ["hub"],
          summary: "パートナーを登録 / Register a partner",
          body: ZUrlPartnerInput,
          response: { 201: ZUrlPartner },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await createPartner(
              deps.db,
              contextOf(request),
              await requireHubActor(deps.db, request),
              request.body,
            ),
          ),
    );
    app.patch(
      "/api/hub/url-partners/:id",
      {
        schema: {
          tags: ["hub"],
          summary: "パートナーの権限・上限・フィード / Change a partner's rights, quota, feeds",
          params: ZUuid,
          body: ZUrlPartnerInput.pick({ canSubmit: true, dailyQuota: true, feeds: true })
            .partial()
            .extend({ active: z.boolean().optional() }),
          response: { 200: ZUrlPartner },
        },
      },
      async (request) =>
        updatePartner(
          deps.db,
          contextOf(request),
          await requireHubActor(deps.db, request),
          request.params.id,
          request.body,
        ),
    );
    app.post(
      "/api/hub/url-partners/:id/tokens",
      {
        schema: {
          tags: ["hub"],
          summary: "APIトークンを発行(表示は一度のみ) / Issue an API token (shown once)",
          params: ZUuid,
          response: { 201: z.object({ tokenId: z.string(), token: z.string() }) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await issuePartnerToken(
              deps.db,
              contextOf(request),
              await requireHubActor(deps.db, request),
              request.params.id,
            ),
          ),
    );
    app.post(
      "/api/hub/url-partners/:id/tokens/:tokenId/revoke",
      {
        schema: {
          tags: ["hub"],
          summary: "APIトークンを失効 / Revoke an API token",
          params: z.object({ id: z.uuid(), tokenId: z.uuid() }),
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (request) => {
        await revokePartnerToken(
          deps.db,
          contextOf(request),
          await requireHubActor(deps.db, request),
          request.params.id,
          request.params.tokenId,
        );
        return { ok: true as const };
      },
    );

    app.get(
      "/api/hub/url-delisting",
      {
        schema: {
          tags: ["hub"],
          summary: "掲載解除の申請 / Delisting requests",
          response: { 200: z.array(ZDelistingRequest) },
        },
      },
      async (request) => listDelistingRequests(deps.db, await requireHubActor(deps.db, request)),
    );
    app.post(
      "/api/hub/url-delisting/:id/decision",
      {
        schema: {
          tags: ["hub"],
          summary: "掲載解除の判断 / Decide a delisting request",
          params: ZUuid,
          body: ZDelistingDecision,
          response: { 200: z.object({ status: z.enum(["delisted", "rejected"]), withdrawn: z.int() }) },
        },
      },
      async (request) =>
        decideDelisting(
          deps.db,
          contextOf(request),
          await requireHubActor(deps.db, request),
          request.params.id,
          request.body,
        ),
    );
    app.post(
      "/api/hub/public/delisting",
      {
        config: { rateLimit: { max: 5, timeWindow: "10 minutes" } },
        schema: {
          tags: ["hub"],
          summary: "サイト運営者による掲載解除の申請 / Site owner's request to review a listing (public)",
          security: [],
          body: ZDelistingRequestInput,
          response: {
            201: z.object({ id: z.string(), target: z.string(), targetKind: z.enum(["url", "domain"]) }),
          },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await requestDelisting(deps.db, contextOf(request), ring(), bits, request.body)),
    );
  };
}
