import { AppError, type THubAdvisoryFeed, ZHubAdvisory } from "@sonae/core";
import { type Db, hubOutbox } from "@sonae/db";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { getOrganisation } from "../organisation/organisation.service";
import { assertHubUrl } from "./hub-link.service";

/**
 * Which hub to ask: the one named in the request, else the configured SONAE_HUB_URL, else the hub
 * this organisation last reported to. Null when there is none yet.
 */
async function hubUrlFor(db: Db, organisationId: string, requested?: string): Promise<string | null> {
  if (requested) return assertHubUrl(requested);
  if (process.env.SONAE_HUB_URL) return assertHubUrl(process.env.SONAE_HUB_URL);
  const [last] = await db
    .select({ hubUrl: hubOutbox.hubUrl })
    .from(hubOutbox)
    .where(eq(hubOutbox.organisationId, organisationId))
    .orderBy(desc(hubOutbox.createdAt))
    .limit(1);
  return last?.hubUrl ?? null;
}

/**
 * The police's published advisories for the organisation's prefecture (and nationwide ones),
 * fetched live from the hub, with where and when they came from. Advisories are public: the
 * request is not signed and reveals only the prefecture.
 */
export async function fetchAdvisoryFeed(
  db: Db,
  organisationId: string,
  requestedHubUrl?: string,
  fetchImpl: typeof fetch = fetch,
): Promise<THubAdvisoryFeed | null> {
  const hubUrl = await hubUrlFor(db, organisationId, requestedHubUrl);
  if (!hubUrl) return null;
  const org = await getOrganisation(db, organisationId);
  const url = `${hubUrl}/api/hub/public/advisories?prefecture=${encodeURIComponent(org.prefectureCode)}`;
  let body: unknown;
  try {
    const res = await fetchImpl(url, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`hub answered ${res.status}`);
    body = await res.json();
  } catch (error) {
    throw new AppError("UPSTREAM_UNAVAILABLE", {
      cause: error,
      detail: {
        ja: `警察ハブ (${hubUrl}) から注意喚起を取得できませんでした。`,
        en: `Could not fetch advisories from the police hub (${hubUrl}).`,
      },
    });
  }
  const parsed = z.array(ZHubAdvisory).safeParse(body);
  if (!parsed.success) {
    throw new AppError("UPSTREAM_UNAVAILABLE", {
      detail: {
        ja: "警察ハブの応答の形式が想定と異なります。",
        en: "The police hub answered in an unexpected format.",
      },
    });
  }
  return { hubUrl, fetchedAt: new Date().toISOString(), advisories: parsed.data };
}
