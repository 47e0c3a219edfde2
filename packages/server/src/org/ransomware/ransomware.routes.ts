import { AppError } from "@sonae/core";
import {
  getDefaultIdentifier,
  identifyRansomware,
  toIdentifyInput,
  ZIdentifyRequestBody,
  ZIdentifyResult,
} from "@sonae/ransomware";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../app-deps";
import { assertCan, requireActor } from "../../platform/auth/auth.policy";

/** A pasted 1 MiB note arrives base64-encoded: allow for the encoding overhead and the JSON around it. */
const IDENTIFY_BODY_LIMIT = 2 * 1024 * 1024;

/**
 * Ransomware family identification for a pasted note or dropped files, outside any incident. Inside
 * an incident, /api/incidents/:id/identify identifies from the recorded demand and keeps the result.
 * Nothing is stored here: the note is attacker text and stays in the request.
 */
export function ransomwareRoutes(_deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // Build the index once at start-up (about a second) rather than on the first victim's request.
    app.addHook("onReady", async () => {
      getDefaultIdentifier();
    });

    app.post(
      "/api/ransomware/identify",
      {
        bodyLimit: IDENTIFY_BODY_LIMIT,
        config: { rateLimit: { max: 30, timeWindow: "1 minute" } },
        schema: {
          tags: ["ransomware"],
          summary:
            "ランサムウェアの種類の推定 / Identify the ransomware family from a note, file names or artefacts",
          body: ZIdentifyRequestBody,
          response: { 200: ZIdentifyResult },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        if (request.body.incidentId) {
          throw new AppError("VALIDATION", {
            field: "incidentId",
            detail: {
              ja: "インシデントに記録するには、インシデント画面の「種類を推定」を使ってください。",
              en: "To record the result on an incident, use the incident's identify action.",
            },
          });
        }
        const input = toIdentifyInput(request.body);
        const hasInput = Object.values(input).some((v) =>
          Array.isArray(v) ? v.length > 0 : v !== undefined && v !== "",
        );
        if (!hasInput) {
          throw new AppError("VALIDATION", {
            detail: {
              ja: "ランサムノート、暗号化されたファイル名、拡張子、連絡先のいずれかを入力してください。",
              en: "Give a ransom note, encrypted file names, an extension or contact artefacts.",
            },
          });
        }
        try {
          return identifyRansomware(input);
        } catch (cause) {
          throw new AppError("VALIDATION", {
            cause,
            detail: {
              ja: "入力を判定できませんでした。内容を確認してください。",
              en: "The input could not be examined. Check it.",
            },
          });
        }
      },
    );
  };
}
