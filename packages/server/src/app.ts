import { AppError } from "@sonae/core";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { AppDeps } from "./app-deps";
import { hubAfterSetup, hubBeforeUserDisabled, registerHub } from "./hub/register-hub";
import { registerOrg } from "./org/register-org";
import { registerJsonBodyLimits } from "./platform/http/json-body-limits";
import { registerErrorHandler, sendError } from "./platform/plugins/error-handler";
import { registerOpenApi } from "./platform/plugins/openapi";
import { registerSecurity } from "./platform/plugins/security";
import { registerSessionAuth } from "./platform/plugins/session-auth";
import { registerStaticWeb } from "./platform/plugins/static-web";
import { registerPlatform } from "./platform/register-platform";

export type BuildAppOptions = AppDeps & { logger?: boolean | object };

/** Builds the Fastify application. No listening here: tests use `app.inject`, `startServer` listens. */
export async function buildApp(deps: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.SONAE_TRUST_PROXY === "1",
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerJsonBodyLimits(app);
  await registerSecurity(app, {
    secureCookies: deps.config.secureCookies,
    // Kit uploads carry no session or cookie: each request is signed by the kit key instead.
    csrfExempt: (request) => request.url.startsWith("/api/kit-uploads/"),
  });
  await registerOpenApi(app);
  registerSessionAuth(app, deps.db);

  app.get("/api/health", { schema: { hide: true } }, async () => ({
    status: "ok",
    database: deps.dbKind,
    mode: deps.config.mode,
  }));
  // Three rooms, each registered in one place: the shared platform, the organisation side, the hub.
  await registerPlatform(app, deps, {
    afterSetup: hubAfterSetup(deps),
    beforeUserDisabled: hubBeforeUserDisabled(deps),
  });
  await registerOrg(app, deps);
  await registerHub(app, deps);

  const hasWeb = await registerStaticWeb(app, deps.config.webDistDir);
  // Unknown API routes get the one error shape; other GETs are client-side routes of the web app.
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && request.method === "GET" && !request.url.startsWith("/api/"))
      return reply.sendFile("index.html");
    return sendError(request, reply, new AppError("NOT_FOUND"));
  });
  return app;
}
