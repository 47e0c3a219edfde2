import { KevError } from "../kev-error";
import { type NvdRangeInfo, storeNvdRanges } from "./nvd-range-store";
import { rangeFileFromNvdApi } from "./nvd-range-validate";

/** NVD CVE API 2.0; `hasKev` returns only CVEs in CISA's KEV catalogue. */
export const NVD_API_URL = "https://services.nvd.nist.gov/rest/json/cves/2.0";

const PAGE_SIZE = 2000; // the API's maximum resultsPerPage
const MAX_PAGES = 25;

/**
 * NVD's public rate limit is 5 requests per rolling 30 seconds without an API key and 50 with one; NVD asks
 * clients to sleep about 6 seconds between requests. Sonae waits that long between pages and backs off on
 * 403/429/503 (the answers NVD gives when the limit is hit).
 */
export function nvdDelayMs(apiKey?: string): number {
  return apiKey ? 700 : 6500;
}

export interface NvdFetchOptions {
  url?: string;
  apiKey?: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function getPage(url: string, options: NvdFetchOptions, sleep: (ms: number) => Promise<void>) {
  const fetchImpl = options.fetchImpl ?? fetch;
  const headers: Record<string, string> = options.apiKey ? { apiKey: options.apiKey } : {};
  for (let attempt = 0; ; attempt++) {
    const response = await fetchImpl(url, {
      headers,
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
    });
    if (response.ok) return (await response.json()) as unknown;
    if (![403, 429, 503].includes(response.status) || attempt >= 2)
      throw new Error(`HTTP ${response.status}`);
    await sleep(nvdDelayMs(options.apiKey) * (attempt + 2));
  }
}

/**
 * Fetches the NVD records of every KEV CVE (admin action, needs internet), page by page within NVD's rate
 * limit, and stores them as range data beside the shipped file. A failed or invalid answer stores nothing.
 */
export async function fetchNvdKevRanges(dir: string, options: NvdFetchOptions = {}): Promise<NvdRangeInfo> {
  const base = options.url ?? NVD_API_URL;
  const sleep = options.sleep ?? realSleep;
  const answers: unknown[] = [];
  try {
    for (let page = 0, start = 0; page < MAX_PAGES; page++) {
      if (page > 0) await sleep(nvdDelayMs(options.apiKey));
      const url = `${base}?hasKev&resultsPerPage=${PAGE_SIZE}&startIndex=${start}`;
      const answer = (await getPage(url, options, sleep)) as {
        totalResults?: unknown;
        resultsPerPage?: unknown;
      };
      answers.push(answer);
      const total = Number(answer.totalResults);
      const size = Number(answer.resultsPerPage);
      if (!Number.isFinite(total) || !Number.isFinite(size) || size <= 0) break;
      start += size;
      if (start >= total) break;
    }
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new KevError(
      "FETCH_FAILED",
      {
        ja: `NVD のデータを取得できません (${base}): ${why}`,
        en: `Could not fetch NVD records from ${base}: ${why}`,
      },
      { cause },
    );
  }
  const file = rangeFileFromNvdApi(answers, `NVD CVE API 2.0 (${base}?hasKev)`, base);
  return storeNvdRanges(file, `fetched:${base}`, dir);
}
