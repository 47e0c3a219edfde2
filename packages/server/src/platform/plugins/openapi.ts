import fastifySwagger from "@fastify/swagger";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

/** OpenAPI 3.1 generated from the zod contracts on each route; served at /api/openapi.json. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Sonae API",
        description: "備え: サイバー事案への備えと対応 / Cyber-incident readiness and response",
        version: "0.1.0",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "sonae_session" },
          csrf: { type: "apiKey", in: "header", name: "x-csrf-token" },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
