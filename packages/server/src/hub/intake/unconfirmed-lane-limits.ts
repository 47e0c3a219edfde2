import { AppError, ENROLMENT_POW_BITS } from "@sonae/core";

function positiveInt(text: string | undefined, fallback: number): number {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * Quotas of the unconfirmed lane: submissions signed by keys no unit admin has confirmed yet
 * (a genuine new organisation, or anyone who made up a key). They may never crowd out confirmed
 * organisations or the public form, so everything they can cost is capped:
 * - per IP and per key: submissions per window (in memory, checked before any parsing);
 * - per key while unconfirmed: reports and sealed bytes stored (hub_org_keys.pending_*);
 * - globally: pending keys, and reports and sealed bytes stored by pending keys;
 * - a new key must carry a proof of work (2^bits SHA-256) and a body of at most `maxBodyBytes`.
 * Defaults let a real victim send its report and a few follow-ups; the database can grow by at
 * most `pendingBytes` of sealed payload (+ row overhead for `pendingReports` reports) through this lane.
 */
export type UnconfirmedLaneLimits = {
  powBits: number;
  windowMs: number;
  perIp: number;
  perKey: number;
  maxBodyBytes: number;
  keyReports: number;
  keyBytes: number;
  pendingKeys: number;
  pendingReports: number;
  pendingBytes: number;
  /** Waiting submissions of this lane (its own queue: a full one never blocks confirmed intake). */
  maxQueue: number;
};

export function unconfirmedLaneLimits(env: NodeJS.ProcessEnv = process.env): UnconfirmedLaneLimits {
  return {
    powBits: Math.min(positiveInt(env.SONAE_HUB_ENROL_POW_BITS, ENROLMENT_POW_BITS), 30),
    windowMs: 10 * 60_000,
    perIp: positiveInt(env.SONAE_HUB_PENDING_PER_IP, 30),
    perKey: positiveInt(env.SONAE_HUB_PENDING_PER_KEY, 10),
    maxBodyBytes: positiveInt(env.SONAE_HUB_PENDING_MAX_BODY, 1024 * 1024),
    keyReports: positiveInt(env.SONAE_HUB_PENDING_KEY_REPORTS, 20),
    keyBytes: positiveInt(env.SONAE_HUB_PENDING_KEY_BYTES, 8 * 1024 * 1024),
    pendingKeys: positiveInt(env.SONAE_HUB_PENDING_KEYS, 500),
    pendingReports: positiveInt(env.SONAE_HUB_PENDING_REPORTS, 5_000),
    pendingBytes: positiveInt(env.SONAE_HUB_PENDING_BYTES, 256 * 1024 * 1024),
    maxQueue: positiveInt(env.SONAE_HUB_PENDING_QUEUE, 64),
  };
}

/** A refusal of the unconfirmed lane; the route sends Retry-After. */
export class LaneRefusal extends AppError {
  constructor(
    code: "RATE_LIMITED" | "DATABASE_UNAVAILABLE" | "PAYLOAD_TOO_LARGE" | "VALIDATION",
    readonly retryAfterSeconds: number,
    detail: { ja: string; en: string },
    field?: string,
  ) {
    super(code, { detail, field });
  }
}

const UNCONFIRMED = {
  ja: "この組織の鍵はまだ警察で確認されていません。",
  en: "This organisation's key has not been confirmed by the police yet.",
};
const CALL = {
  ja: "急ぎの場合は都道府県警察のサイバー犯罪相談窓口へ電話してください。",
  en: "If it is urgent, call your prefectural police's cybercrime desk.",
};

export const refuse = {
  ipQuota: (retry: number) =>
    new LaneRefusal("RATE_LIMITED", retry, {
      ja: `未確認の鍵からの送信が多すぎます(この接続元)。${retry} 秒後に再送してください。${CALL.ja}`,
      en: `Too many submissions from unconfirmed keys from this address. Retry in ${retry} s. ${CALL.en}`,
    }),
  keyQuota: (retry: number) =>
    new LaneRefusal("RATE_LIMITED", retry, {
      ja: `${UNCONFIRMED.ja}確認前に送れる件数・容量の上限に達しました。確認後は制限なく送れます。${CALL.ja}`,
      en: `${UNCONFIRMED.en} It has reached what an unconfirmed key may send; once confirmed there is no such limit. ${CALL.en}`,
    }),
  full: () =>
    new LaneRefusal("DATABASE_UNAVAILABLE", 60, {
      ja: `未確認の鍵からの受付枠が一杯です(確認済みの組織と一般フォームは通常どおり受け付けています)。後ほど再送してください。${CALL.ja}`,
      en: `The intake for unconfirmed keys is full (confirmed organisations and the public form are unaffected). Please retry later. ${CALL.en}`,
    }),
  tooLarge: (max: number) =>
    new LaneRefusal("PAYLOAD_TOO_LARGE", 0, {
      ja: `${UNCONFIRMED.ja}確認前の報告は ${Math.floor(max / 1024)} KiB までです。`,
      en: `${UNCONFIRMED.en} Until it is, a report may be at most ${Math.floor(max / 1024)} KiB.`,
    }),
  proof: () =>
    new LaneRefusal(
      "VALIDATION",
      0,
      {
        ja: "初めて使う鍵には計算証明(enrolmentProof)が必要です。Sonae を最新版にしてください。",
        en: "A key used for the first time needs a proof of work (enrolmentProof). Please update Sonae.",
      },
      "enrolmentProof",
    ),
};
