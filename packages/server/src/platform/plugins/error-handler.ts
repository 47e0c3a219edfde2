import { AppError, type ErrorBody, type ErrorCode } from "@sonae/core";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";
import { langOf } from "../http/request-context";

/** Zod's own Japanese messages, so a ja response never carries the English validation text. */
const zodJa = z.locales.ja().localeError;

/** The Japanese text of one validation issue, rebuilt from its code and parameters. */
function japaneseIssueMessage(item: { keyword: string; params: Record<string, unknown>; message?: string }) {
  const text = zodJa({ ...item.params, code: item.keyword } as Parameters<typeof zodJa>[0]);
  return (typeof text === "string" ? text : text?.message) || item.message || "";
}

/** PostgreSQL SQLSTATEs and socket errors that mean "the database is not there" rather than a bug. */
const UNAVAILABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08006",
]);

/**
 * The one error handler: every failure leaves as `{ error: { code, message, field? } }` with a
 * localised message. Validation → 400 naming the field, unknown route → 404, unreachable
 * database → 503 with a clear log line, unique violation → 409. Unknown routes: see app.ts.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === "DATABASE_UNAVAILABLE") {
      request.log.error({ err: error }, "database unreachable: check DATABASE_URL / the PostgreSQL server");
    } else if (appError.code === "INTERNAL") {
      request.log.error({ err: error }, "unhandled error");
    }
    return sendError(request, reply, appError);
  });
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const body: ErrorBody = { error: { code: error.code, message: error.messageIn(langOf(request)) } };
  if (error.field) body.error.field = error.field;
  return reply.status(error.status).send(body);
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0];
    const field = first?.instancePath.replace(/^\//, "").replaceAll("/", ".") || undefined;
    return new AppError("VALIDATION", {
      field,
      detail: field
        ? {
            ja: `入力内容に誤りがあります: ${field}（${first ? japaneseIssueMessage(first) : ""}）`,
            en: `Invalid value for ${field}: ${first?.message ?? ""}`,
          }
        : undefined,
    });
  }
  const e = error as FastifyError & { cause?: { code?: string }; constraint?: string };
  const pgCode = e.code ?? e.cause?.code;
  if (pgCode === "23505") return new AppError("CONFLICT", { cause: error });
  if (pgCode && UNAVAILABLE.has(pgCode)) return new AppError("DATABASE_UNAVAILABLE", { cause: error });
  if (isPgliteClosed(error)) return new AppError("DATABASE_UNAVAILABLE", { cause: error });
  const byFastifyCode: Record<string, ErrorCode> = {
    FST_CSRF_INVALID_TOKEN: "CSRF",
    FST_CSRF_MISSING_SECRET: "CSRF",
    FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
    FST_REQ_FILE_TOO_LARGE: "PAYLOAD_TOO_LARGE",
    FST_ERR_CTP_INVALID_MEDIA_TYPE: "VALIDATION",
    FST_ERR_CTP_EMPTY_JSON_BODY: "VALIDATION",
    FST_ERR_CTP_INVALID_JSON_BODY: "VALIDATION",
  };
  const mapped = e.code ? byFastifyCode[e.code] : undefined;
  if (mapped) return new AppError(mapped, { cause: error });
  if (e.statusCode === 429) return new AppError("RATE_LIMITED", { cause: error });
  if (e.statusCode === 400) return new AppError("VALIDATION", { cause: error });
  return new AppError("INTERNAL", { cause: error });
}

function isPgliteClosed(error: unknown): boolean {
  return error instanceof Error && /PGlite is closed/i.test(error.message);
}
