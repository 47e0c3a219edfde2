import { randomUUID } from "node:crypto";
import type { THubCardExposure, THubCardImportResult, THubCardLineResult } from "@sonae/core";
import type { Db } from "@sonae/db";
import { sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { pgArray } from "../store/pg-array";
import type { CardLine } from "./card-file";
import type { CardKeys } from "./card-keys";
import {
  CARD_REFUSAL_MESSAGES,
  type CardBrand,
  type CardRefusal,
  checkCardNumber,
  maskPan,
} from "./card-number";
import { newImportKey, panHmac, sealPan } from "./card-vault";

export type CardImportDefaults = {
  exposure: THubCardExposure;
  source: { kind: "case" | "phishing_url" | "seized_dataset"; ref: string };
  learnedOn: string;
};

type Prepared = {
  line: number;
  id: string;
  brand: CardBrand;
  hmac: Buffer;
  sealed: Buffer;
  first6: string;
  last4: string;
  length: number;
  exposure: THubCardExposure;
  learnedOn: string;
  sourceRef: string;
};

/** Rows per INSERT statement: each column travels as one array parameter (store/pg-array.ts). */
const CHUNK = 5000;

function refusal(line: number, raw: string, reason: CardRefusal | "expiry_leading_zero", lang: "ja" | "en") {
  const digits = raw.replace(/[^0-9]/g, "");
  const message =
    reason === "expiry_leading_zero"
      ? {
          ja: "有効期限の列が3桁です(例: 0127 が 127)。Excel で先頭のゼロが失われています。列を「文字列」にして入れ直してください。",
          en: "The expiry column has 3 digits (e.g. 0127 became 127): Excel dropped the leading zero. Format the column as text and re-enter it.",
        }
      : CARD_REFUSAL_MESSAGES[reason];
  return {
    line,
    status: "refused" as const,
    // A refused value may still be a real number (e.g. a brand we do not handle): mask it too.
    masked: digits.length >= 13 ? maskPan(digits) : null,
    brand: null,
    reason,
    message: message[lang],
  };
}

/**
 * Validates, hashes and seals every line outside the database (CPU only), then writes the import in
 * ONE transaction: nothing is stored if anything fails. Duplicates are numbers already in the hub
 * (any unit: one row per number, by keyed hash) or repeated within the file.
 */
export function prepareCardLines(
  keys: CardKeys,
  importId: string,
  lines: readonly CardLine[],
  defaults: CardImportDefaults,
  lang: "ja" | "en",
) {
  const dek = newImportKey(keys, importId);
  const results: THubCardLineResult[] = [];
  const prepared: Prepared[] = [];
  const seen = new Set<string>();
  for (const l of lines) {
    const check = checkCardNumber(l.raw, l.fromNumberCell);
    if (!check.ok) {
      results.push(refusal(l.line, l.raw, check.reason, lang));
      continue;
    }
    if (l.expiryDamaged) {
      results.push(refusal(l.line, l.raw, "expiry_leading_zero", lang));
      continue;
    }
    const hmac = panHmac(keys, check.pan);
    const key = hmac.toString("hex");
    const masked = maskPan(check.pan);
    if (seen.has(key)) {
      results.push({
        line: l.line,
        status: "duplicate",
        masked,
        brand: check.brand,
        reason: "in_file",
        message: null,
      });
      continue;
    }
    seen.add(key);
    const id = randomUUID();
    prepared.push({
      line: l.line,
      id,
      brand: check.brand,
      hmac,
      sealed: sealPan(dek.dek, id, check.pan),
      first6: check.pan.slice(0, 6),
      last4: check.pan.slice(-4),
      length: check.pan.length,
      exposure: { ...defaults.exposure, ...l.exposure },
      learnedOn: l.learnedOn ?? defaults.learnedOn,
      sourceRef: l.sourceRef ?? defaults.source.ref,
    });
    results.push({
      line: l.line,
      status: "accepted",
      masked,
      brand: check.brand,
      reason: null,
      message: null,
    });
  }
  return { dek, prepared, results };
}

export async function importCards(
  db: Db,
  keys: CardKeys,
  ctx: RequestContext,
  input: {
    unitId: number;
    kind: "single" | "csv" | "xlsx" | "text";
    lines: readonly CardLine[];
    defaults: CardImportDefaults;
    lang: "ja" | "en";
  },
): Promise<THubCardImportResult> {
  const importId = randomUUID();
  const { dek, prepared, results } = prepareCardLines(
    keys,
    importId,
    input.lines,
    input.defaults,
    input.lang,
  );
  const inserted = await db.transaction(async (tx) => {
    await tx.execute(sql`
      INSERT INTO hub_card_imports (id, unit_id, created_by, kind, wrapped_dek, accepted, duplicates, refused)
      VALUES (${importId}, ${input.unitId}, ${ctx.actor?.userId ?? null}, ${input.kind}, ${dek.wrapped}, 0, 0, 0)`);
    const ids = new Set<string>();
    for (let i = 0; i < prepared.length; i += CHUNK) {
      for (const id of await insertEntries(
        tx,
        importId,
        input.unitId,
        input.defaults,
        prepared.slice(i, i + CHUNK),
      ))
        ids.add(id);
    }
    const counts = tally(results, prepared, ids);
    await tx.execute(sql`
      UPDATE hub_card_imports SET accepted = ${counts.accepted}, duplicates = ${counts.duplicates},
        refused = ${counts.refused} WHERE id = ${importId}`);
    await recordAudit(tx, ctx, {
      type: "hub.cards_imported",
      importId,
      unitId: input.unitId,
      kind: input.kind,
      ...counts,
    });
    return ids;
  });
  const idOfLine = new Map(prepared.map((p) => [p.line, p.id]));
  const lines = results.map((r) => markDuplicate(r, idOfLine.get(r.line), inserted));
  return { importId, ...tally(lines, [], null), lines };
}

/** Accepted lines whose number another import stored first (ON CONFLICT) become duplicates. */
function markDuplicate(r: THubCardLineResult, id: string | undefined, inserted: Set<string>) {
  if (r.status !== "accepted" || !id || inserted.has(id)) return r;
  return { ...r, status: "duplicate" as const, reason: "already_registered" };
}

function tally(
  results: readonly THubCardLineResult[],
  prepared: readonly Prepared[],
  inserted: Set<string> | null,
) {
  const refused = results.filter((r) => r.status === "refused").length;
  if (inserted === null) {
    const accepted = results.filter((r) => r.status === "accepted").length;
    return { accepted, duplicates: results.length - accepted - refused, refused };
  }
  const accepted = prepared.filter((p) => inserted.has(p.id)).length;
  return { accepted, duplicates: results.length - accepted - refused, refused };
}

async function insertEntries(
  tx: Pick<Db, "execute">,
  importId: string,
  unitId: number,
  defaults: CardImportDefaults,
  rows: readonly Prepared[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const col = <T extends string | number | boolean>(f: (r: Prepared) => T) => pgArray(rows.map(f));
  const result = (await tx.execute(sql`
    INSERT INTO hub_card_entries (id, import_id, unit_id, brand, pan_hmac, pan_sealed, first6, last4, pan_length,
      exposed_expiry, exposed_cvc, exposed_holder, exposed_3ds, source_kind, source_ref, learned_on)
    SELECT id, ${importId}, ${unitId}, brand, decode(hmac, 'hex'), decode(sealed, 'hex'), first6, last4, len,
      ex, cvc, holder, tds, ${defaults.source.kind}, source_ref, learned_on
    FROM unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.brand)}::text[], ${col((r) => r.hmac.toString("hex"))}::text[],
      ${col((r) => r.sealed.toString("hex"))}::text[], ${col((r) => r.first6)}::text[], ${col((r) => r.last4)}::text[],
      ${col((r) => r.length)}::smallint[], ${col((r) => r.exposure.expiry)}::boolean[], ${col((r) => r.exposure.cvc)}::boolean[],
      ${col((r) => r.exposure.holder)}::boolean[], ${col((r) => r.exposure.threeDs)}::boolean[],
      ${col((r) => r.sourceRef)}::text[], ${col((r) => r.learnedOn)}::date[])
      AS x(id, brand, hmac, sealed, first6, last4, len, ex, cvc, holder, tds, source_ref, learned_on)
    ON CONFLICT (pan_hmac) DO NOTHING
    RETURNING id`)) as unknown as { rows: { id: string }[] };
  return result.rows.map((r) => r.id);
}
