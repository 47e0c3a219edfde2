import { createHash } from "node:crypto";
import {
  AppError,
  enrolmentChallenge,
  leadingZeroBits,
  type THubSignedRequest,
  unitIdOfPrefecture,
  ZHubSubmissionBody,
} from "@sonae/core";
import type { Db } from "@sonae/db";
import { ZReportPackageModel } from "@sonae/documents";
import { z } from "zod";
import type { RequestContext } from "../../platform/http/request-context";
import { collectFromPackage } from "../correlation/collect-indicators";
import type { HubKeyring } from "../store/hub-keyring";
import { IntakeBatcher, IntakeBusyError } from "./intake-batcher";
import { keyLanes } from "./key-lane-cache";
import { prepareReport } from "./report-store";
import { fingerprintOf, verifySignedRequest } from "./signature";
import { type PreparedSigned, type SignedOutcome, writeSignedBatch } from "./signed-batch-writer";
import {
  LaneRefusal,
  refuse,
  type UnconfirmedLaneLimits,
  unconfirmedLaneLimits,
} from "./unconfirmed-lane-limits";
import { WindowCounter } from "./window-counter";

/** Evidence manifests (from `sonae preserve`) ride along as JSON documents; kept encrypted with the report. */
const ZEvidenceManifests = z.array(z.record(z.string(), z.unknown())).max(20).optional();
const ZSignedSubmission = ZHubSubmissionBody.extend({ evidenceManifests: ZEvidenceManifests });

function positiveInt(text: string | undefined, fallback: number): number {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * Batch and queue bounds. 128 per transaction keeps every multi-row statement far below the
 * 65,535-parameter limit; 1,024 waiting is about one second of intake at the aimed rate, past which
 * a client is better told 503 + Retry-After than left waiting towards its timeout.
 */
const BATCH_OPTIONS = {
  maxBatch: positiveInt(process.env.SONAE_HUB_INTAKE_BATCH, 128),
  maxQueue: positiveInt(process.env.SONAE_HUB_INTAKE_QUEUE, 1024),
};

/**
 * The intake lanes of a database handle: one group-commit queue for confirmed keys, one for every
 * other key (the unconfirmed lane, small, with its quotas and counters): a flood of made-up keys
 * fills only its own queue. One flusher each; PGlite serialises the two on its single connection.
 * Limits are read from the environment when the lanes are first used.
 */
export type IntakeLanes = {
  confirmed: IntakeBatcher<PreparedSigned, SignedOutcome>;
  unconfirmed: IntakeBatcher<PreparedSigned, SignedOutcome>;
  limits: UnconfirmedLaneLimits;
  perIp: WindowCounter;
  perKey: WindowCounter;
  /** The lane's stored caps, last seen full (see `LaneSaturation`). */
  saturation: LaneSaturation;
};

const SATURATION_MS = 30_000;

/**
 * What the unconfirmed lane's database quotas last said, remembered for a while so that, once the
 * lane is full, a flood is refused before its signatures are verified and its packages parsed: that
 * CPU belongs to the confirmed organisations (same event loop). The stored caps free up only when
 * the police confirm or revoke keys; a status change in this process forgets the memory at once
 * (`epoch` of the key cache), and otherwise it lasts SATURATION_MS (less than the 60 s Retry-After
 * the refusal carries). Two memories: no room for new keys (the pending-keys cap), and no room for
 * any pending report (the reports/bytes caps).
 */
export class LaneSaturation {
  private newKeysFullUntil = 0;
  private allFullUntil = 0;
  private epoch = 0;
  constructor(private readonly ms = SATURATION_MS) {}

  isFull(knownKey: boolean, epoch: number, now = Date.now()): boolean {
    if (epoch !== this.epoch) return false;
    return now < this.allFullUntil || (!knownKey && now < this.newKeysFullUntil);
  }

  /** A `full` refusal from the database for a key that was known (pending) or new. */
  noteFull(knownKey: boolean, epoch: number, now = Date.now()) {
    if (epoch !== this.epoch) {
      this.epoch = epoch;
      this.allFullUntil = 0;
      this.newKeysFullUntil = 0;
    }
    if (knownKey) this.allFullUntil = now + this.ms;
    else this.newKeysFullUntil = now + this.ms;
  }
}

const lanesByDb = new WeakMap<Db, IntakeLanes>();

export function signedIntakeBatchers(db: Db): IntakeLanes {
  let lanes = lanesByDb.get(db);
  if (!lanes) {
    const limits = unconfirmedLaneLimits();
    const write = (items: PreparedSigned[]) => writeSignedBatch(db, items, limits);
    const confirmed = new IntakeBatcher(write, BATCH_OPTIONS);
    lanes = {
      confirmed,
      // Confirmed first: an unconfirmed batch waits until the confirmed queue is empty and not
      // writing (PGlite has one connection; on PostgreSQL it keeps the CPU for the confirmed lane),
      // and is small, so a confirmed submission arriving meanwhile waits for at most 8 reports.
      unconfirmed: new IntakeBatcher(
        async (items: PreparedSigned[]) => {
          await confirmed.drain();
          return write(items);
        },
        { maxBatch: Math.min(BATCH_OPTIONS.maxBatch, 8), maxQueue: limits.maxQueue },
      ),
      limits,
      perIp: new WindowCounter(limits.windowMs),
      perKey: new WindowCounter(limits.windowMs),
      saturation: new LaneSaturation(),
    };
    lanesByDb.set(db, lanes);
  }
  return lanes;
}

/**
 * The CPU part of a signed submission, per request and outside the database: Ed25519 and the time
 * window, the body and package schemas, indicator collection and hashing, sealing, the reference.
 */
export function prepareSigned(
  ctx: RequestContext,
  ring: HubKeyring,
  request: THubSignedRequest,
  raw: Record<string, unknown> = verifySignedRequest(request),
): PreparedSigned {
  const parsed = ZSignedSubmission.safeParse(raw);
  if (!parsed.success)
    throw new AppError("VALIDATION", { field: parsed.error.issues[0]?.path.join(".") ?? "body" });
  const body = parsed.data;
  const pkg = ZReportPackageModel.safeParse(body.payload);
  if (!pkg.success) {
    throw new AppError("VALIDATION", {
      field: `payload.${pkg.error.issues[0]?.path.join(".") ?? ""}`,
      detail: {
        ja: "報告パッケージがスキーマに適合しません。",
        en: `The report package does not match its schema: ${pkg.error.issues[0]?.message ?? ""}`,
      },
    });
  }
  const unitId = unitIdOfPrefecture(body.prefectureCode) ?? 0;
  const fingerprint = fingerprintOf(request.publicKey);
  return {
    ctx,
    fingerprint,
    publicKey: request.publicKey,
    nonceKey: `sig:${fingerprint}:${body.nonce}`,
    orgName: body.orgName,
    unitId,
    submissionId: body.submissionId,
    report: prepareReport(ctx, ring, {
      source: "organisation",
      kind: pkg.data.incident.request === "consultation" ? "consultation" : "report",
      unitId,
      orgKeyId: null,
      submissionId: body.submissionId,
      sealed: {
        title: pkg.data.incident.title,
        reporterName: body.orgName,
        body: { package: pkg.data, evidenceManifests: body.evidenceManifests ?? [] },
        indicators: collectFromPackage(pkg.data),
      },
    }),
  };
}

/**
 * An organisation's signed submission. The CPU work is done here, per request; the database work
 * (nonce, key, report, observations, audit, alerts) is group-committed with the other submissions
 * waiting at the same moment (intake-batcher.ts, signed-batch-writer.ts). The receipt is returned
 * only after that transaction commits, so an acknowledged report is never lost. A retry with the
 * same submissionId (answer lost in transit) gets the original receipt. A full queue → 503.
 *
 * Keys not confirmed by a unit admin take the unconfirmed lane (unconfirmed-lane-limits.ts): its
 * quotas are checked before the costly work (per IP before the signature, per key after it), a key
 * new to the hub must carry its proof of work, and it has its own small queue.
 */
export async function submitSigned(
  db: Db,
  ctx: RequestContext,
  ring: HubKeyring,
  request: THubSignedRequest,
): Promise<SignedOutcome> {
  const lanes = signedIntakeBatchers(db);
  const fingerprint = fingerprintOf(request.publicKey);
  const keyCache = keyLanes(db);
  const status = await keyCache.statusOf(fingerprint);
  if (status === "active") return lanes.confirmed.submit(prepareSigned(ctx, ring, request));

  const { limits } = lanes;
  const knownKey = status !== undefined;
  // Cheapest refusals first, before Ed25519 and the package schema: a full lane or queue, this
  // address's quota, the size.
  if (lanes.saturation.isFull(knownKey, keyCache.epoch)) throw refuse.full();
  if (lanes.unconfirmed.waiting >= limits.maxQueue) throw new IntakeBusyError();
  const ipWait = lanes.perIp.hit(ctx.ip ?? "unknown", limits.perIp);
  if (ipWait > 0) throw refuse.ipQuota(ipWait);
  if (Buffer.byteLength(request.body) > limits.maxBodyBytes) throw refuse.tooLarge(limits.maxBodyBytes);
  const raw = verifySignedRequest(request);
  const keyWait = lanes.perKey.hit(fingerprint, limits.perKey);
  if (keyWait > 0) throw refuse.keyQuota(keyWait);
  if (!knownKey && !checkEnrolmentProof(request, limits.powBits)) throw refuse.proof();
  try {
    const outcome = await lanes.unconfirmed.submit(prepareSigned(ctx, ring, request, raw));
    keyCache.noteEnrolled(fingerprint);
    return outcome;
  } catch (error) {
    if (error instanceof LaneRefusal && error.code === "DATABASE_UNAVAILABLE")
      lanes.saturation.noteFull(knownKey, keyCache.epoch);
    throw error;
  }
}

function checkEnrolmentProof(request: THubSignedRequest, bits: number): boolean {
  if (!request.enrolmentProof) return false;
  const digest = createHash("sha256")
    .update(`${enrolmentChallenge(request.publicKey)}:${request.enrolmentProof}`)
    .digest();
  return leadingZeroBits(digest) >= bits;
}
