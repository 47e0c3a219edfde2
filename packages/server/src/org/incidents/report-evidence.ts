import { createHash } from "node:crypto";
import type { TDetectionView, TEvidenceVerification } from "@sonae/core";
import { evidenceBundles } from "@sonae/db";
import type { TReportPackageInput } from "@sonae/documents";
import type { Manifest } from "@sonae/evidence";
import type { TTimelineEvent } from "@sonae/triage";
import { and, asc, eq } from "drizzle-orm";
import type { AppDeps } from "../../app-deps";
import type { Actor } from "../../platform/http/request-context";
import { readBundleEntry } from "../evidence/bundle-entries";
import { loadCustodyChain } from "../evidence/evidence-custody";
import { storedBundlePath } from "../evidence/evidence-vault";
import { identifySigner, listSignerKeys } from "../evidence/signer-keys";
import { loadIncidentTriage } from "../triage/triage.service";

type Bundles = NonNullable<TReportPackageInput["evidenceBundles"]>;
type Detections = NonNullable<TReportPackageInput["detections"]>;

/** SHA-256 of the signed manifest.json as stored in the vault (the jsonb copy does not keep its bytes). */
async function manifestSha256(deps: AppDeps, bundleSha256: string): Promise<string | undefined> {
  try {
    const bytes = await readBundleEntry(
      storedBundlePath(deps, bundleSha256),
      "manifest.json",
      64 * 1024 ** 2,
    );
    return createHash("sha256").update(bytes).digest("hex");
  } catch {
    // The vault file is not readable (moved, restored without vault): the package says "not recorded".
    return undefined;
  }
}

/** The incident's bundles as the police need them: counts, hashes, signer, verification, custody summary. */
export async function loadReportBundles(deps: AppDeps, actor: Actor, incidentId: string): Promise<Bundles> {
  const rows = await deps.db
    .select()
    .from(evidenceBundles)
    .where(
      and(
        eq(evidenceBundles.organisationId, actor.organisationId),
        eq(evidenceBundles.incidentId, incidentId),
      ),
    )
    .orderBy(asc(evidenceBundles.uploadedAt));
  // A valid signature by a key this installation does not know is not "verified" (issue 13 §7):
  // the package says whether the signer is one of the known keys.
  const keys = await listSignerKeys(deps, deps.db, actor);
  const out: Bundles = [];
  for (const row of rows.slice(0, 200)) {
    const manifest = row.manifest as unknown as Manifest;
    const v = row.verification as unknown as TEvidenceVerification;
    const chain = await loadCustodyChain(deps.db, row);
    const last = chain.custody.at(-1);
    out.push({
      fileName: row.fileName.slice(0, 300),
      caseId: row.caseId.slice(0, 200) || undefined,
      examiner: row.examiner.slice(0, 200) || undefined,
      sha256: row.sha256,
      manifestSha256: await manifestSha256(deps, row.sha256),
      sizeBytes: row.sizeBytes,
      fileCount: manifest.files.length,
      problemCount: manifest.problems.length,
      signerFingerprint: row.signerFingerprint.slice(0, 200),
      signerKnown: identifySigner(keys, row.signerFingerprint).status !== "unknown",
      uploadedAt: row.uploadedAt.toISOString(),
      verification: { ok: v.ok, verifiedAt: v.verifiedAt, failureCount: v.failures.length },
      custody: {
        entries: chain.custody.length,
        firstAt: chain.custody[0]?.at,
        lastAt: last?.at,
        lastAction: last?.action.slice(0, 200),
        valid: chain.failures.length === 0,
      },
    });
  }
  return out;
}

const distinct = (values: string[], max = 50) =>
  [...new Set(values.map((v) => v.trim()).filter((v) => v && v !== "-"))]
    .slice(0, max)
    .map((v) => v.slice(0, 300));

/**
 * The triage detections with what the police ask of each: time, hosts, accounts and source addresses
 * (from the events the detection cites), and the rule with its author for Sigma (DRL 1.1).
 */
export async function loadReportDetections(
  deps: AppDeps,
  actor: Actor,
  incidentId: string,
): Promise<Detections> {
  const { events, detections } = await loadIncidentTriage(deps, actor, incidentId);
  const byId = new Map<string, TTimelineEvent>(events.map((e) => [e.id, e]));
  return detections.slice(0, 2000).map((d: TDetectionView) => {
    const cited = d.eventIds.map((id) => byId.get(id)).filter((e): e is TTimelineEvent => e !== undefined);
    return {
      title: { ja: d.title.ja.slice(0, 500), en: d.title.en.slice(0, 500) },
      severity: d.severity,
      origin: d.origin,
      firstTime: d.firstTime,
      lastTime: d.lastTime,
      hosts: distinct([...d.hosts, ...cited.map((e) => e.host)]),
      accounts: distinct(cited.map((e) => e.user)),
      sourceAddresses: distinct(
        cited.map((e) => e.sourceAddress),
        50,
      ).map((a) => a.slice(0, 100)),
      rule: {
        id: (d.sigma?.id ?? d.ruleId).slice(0, 200),
        author: d.sigma?.author?.slice(0, 500) || undefined,
        link: d.sigma?.link?.slice(0, 1000) || undefined,
        ruleSet: d.sigma
          ? `${d.sigma.ruleSet.name} ${d.sigma.ruleSet.date ?? ""}`.trim().slice(0, 300)
          : undefined,
      },
      bundleSha256: d.bundleSha256,
    };
  });
}
