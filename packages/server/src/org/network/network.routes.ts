import { ZNetworkDiagram, ZNetworkDiagramDocument } from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { assertCan, requireActor } from "../../platform/auth/auth.policy";
import { contextOf } from "../../platform/http/request-context";
import { readinessEnvOf } from "../assessment/readiness-env";
import { getNetworkDiagram, renderOrganisationNetworkSvg, saveNetworkDiagram } from "./network.service";

/** 300 nodes and 1,000 links with 100-character labels stay well under this. */
const DIAGRAM_BODY_LIMIT = 512 * 1024;

/** The network diagram: one document per organisation, and its SVG export. */
export function networkRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const env = readinessEnvOf(deps);
  return async (app) => {
    app.get(
      "/api/readiness/network",
      {
        schema: {
          tags: ["readiness"],
          summary: "ネットワーク構成図 / Network diagram",
          response: { 200: ZNetworkDiagram },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        return getNetworkDiagram(deps.db, actor.organisationId);
      },
    );

    app.put(
      "/api/readiness/network",
      {
        bodyLimit: DIAGRAM_BODY_LIMIT,
        schema: {
          tags: ["readiness"],
          summary: "ネットワーク構成図の保存 / Save the network diagram",
          body: ZNetworkDiagramDocument,
          response: { 200: ZNetworkDiagram },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.write");
        return saveNetworkDiagram(deps.db, contextOf(request), request.body, env);
      },
    );

    app.get(
      "/api/readiness/network/diagram.svg",
      {
        schema: {
          tags: ["readiness"],
          summary: "構成図のSVG出力 / Network diagram as SVG",
          produces: ["image/svg+xml"],
          response: { 200: z.string() },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        const svg = await renderOrganisationNetworkSvg(deps.db, actor.organisationId);
        return (
          reply
            .header("content-type", "image/svg+xml; charset=utf-8")
            .header("content-disposition", 'attachment; filename="network-diagram.svg"')
            // The SVG is served as a download and may not run anything even if opened directly.
            .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'")
            .send(svg)
        );
      },
    );
  };
}
