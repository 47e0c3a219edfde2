import { AppError, jsonLimitProblem, REQUEST_JSON_LIMITS } from "@sonae/core";
import type { FastifyInstance } from "fastify";

/**
 * Every JSON request body is scanned for depth and element count before it is parsed (issue 16 §3:
 * a 5,000-deep body overflowed the stack in code that walks it), then parsed by Fastify's own
 * parser (prototype-poisoning checks kept). Size stays bounded by each route's bodyLimit.
 */
export function registerJsonBodyLimits(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const problem = jsonLimitProblem(body as string, {
      ...REQUEST_JSON_LIMITS,
      maxBytes: Number.POSITIVE_INFINITY,
    });
    if (!problem) return parse(request, body as string, done);
    done(
      new AppError("VALIDATION", {
        field: "body",
        detail: {
          ja: `送信されたデータの構造が上限を超えています(${problem})。`,
          en: `The submitted data is over a structural limit (${problem}).`,
        },
      }),
      undefined,
    );
  });
}
