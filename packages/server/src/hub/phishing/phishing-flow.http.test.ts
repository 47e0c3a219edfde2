import { solvePow, type TPhishUrlDetail, type TUrlBatchResult } from "@sonae/core";
import { auditEvents, hubPhishUrls } from "@sonae/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateStixBundle } from "../../org/incidents/testing/stix-validate";
import { TestClient } from "../../testing/test-app";
import { buildHubTestApp, setupHubStaff } from "../testing/hub-test-app";

/**
 * Issue 17 end to end over HTTP: a public fraud report and a partner batch are normalised,
 * deduplicated and clustered, an analyst judges, a vendor pulls its feeds (text, CSV, STIX valid
 * against the OASIS schemas) full and since a cursor, then a withdrawal and a delisting leave
 * every feed at the next pull.
 */
let t: Awaited<ReturnType<typeof buildHubTestApp>>;
let staff: Awaited<ReturnType<typeof setupHubStaff>>;
let submitToken: string;
let vendorToken: string;
const TOKYO = 13;

const PHISH = "hxxps://secure-login[.]example-bank-jp[.]xyz/Login/../auth?id=1#frag";
const PHISH_CANONICAL = "https://secure-login.example-bank-jp.xyz/auth?id=1";

async function partnerWithToken(body: object): Promise<{ id: string; token: string }> {
  const created = await staff.admin.post("/api/hub/url-partners", body);
  expect(created.statusCode, created.body).toBe(201);
  const id = (created.json() as { id: string }).id;
  const issued = await staff.admin.post(`/api/hub/url-partners/${id}/tokens`, {});
  expect(issued.statusCode).toBe(201);
  return { id, token: (issued.json() as { token: string }).token };
}

function partnerPost(token: string, contentType: string, payload: string) {
  return t.app.inject({
    method: "POST",
    url: "/hub-api/v1/urls",
    headers: { authorization: `Bearer ${token}`, "content-type": contentType, "accept-language": "ja" },
    payload,
  });
}

function pull(token: string, path: string) {
  return t.app.inject({
    method: "GET",
    url: `/hub-api/v1/feeds/${path}`,
    headers: { authorization: `Bearer ${token}` },
  });
}

async function urlId(canonical: string): Promise<number> {
  const [row] = await t.db.db.select().from(hubPhishUrls).where(eq(hubPhishUrls.canonical, canonical));
  if (!row) throw new Error(`no record for ${canonical}`);
  return Number(row.id);
}

beforeAll(async () => {
  t = await buildHubTestApp();
  staff = await setupHubStaff(t.app, [
    { key: "analyst", unitId: TOKYO, role: "analyst" },
    { key: "intake", unitId: TOKYO, role: "intake_officer" },
    { key: "osakaAnalyst", unitId: 27, role: "analyst" },
  ]);
  submitToken = (await partnerWithToken({ name: "JC3相当機関", canSubmit: true, dailyQuota: 20 })).token;
  vendorToken = (await partnerWithToken({ name: "フィルタリング事業者A", feeds: ["all", "phishing"] })).token;
}, 120_000);
afterAll(() => t.close());

describe("public report + partner batch → judgement → vendor feeds → withdrawal", () => {
  let cursorAfterConfirm = 0;

  it("takes a public fraud report with a defanged URL and records a sighting in the reporter's unit", async () => {
    const visitor = new TestClient(t.app);
    await visitor.refreshSession();
    const challenge = (await visitor.get("/api/hub/public/challenge")).json() as {
      challenge: string;
      bits: number;
    };
    const res = await visitor.post("/api/hub/public/reports", {
      kind: "report",
      prefectureCode: "13",
      title: "銀行を名乗るSMS",
      description: "SMSのリンクからログイン画面に誘導された",
      fraud: { kind: "phishing_email_sms", urls: [PHISH], sender: "+81-90-0000-0000", brand: "例示銀行" },
      pow: { challenge: challenge.challenge, solution: await solvePow(challenge.challenge, challenge.bits) },
    });
    expect(res.statusCode, res.body).toBe(201);
    const detail = (
      await staff.clients.analyst!.get(`/api/hub/urls/${await urlId(PHISH_CANONICAL)}`)
    ).json() as TPhishUrlDetail;
    expect(detail.url.state).toBe("candidate");
    expect(detail.url.flags).toContain("defanged");
    expect(detail.sightings).toEqual([
      expect.objectContaining({ source: "public", unitId: TOKYO, rawInput: PHISH, brandHint: "例示銀行" }),
    ]);
  });

  it("accepts a partner batch in JSON lines with partial failures, deduplicating to one record per canonical URL", async () => {
    const lines = [
      JSON.stringify({ url: PHISH_CANONICAL, brand: "例示銀行", id: "p-1" }),
      JSON.stringify({ url: "https://SECURE-LOGIN.example-bank-jp.xyz/auth?id=1" }),
      "{not json",
      JSON.stringify({ url: "javascript:alert(1)" }),
      JSON.stringify({ url: "http://other-phish.example-bank-jp.xyz/login" }),
      JSON.stringify({
        rrname: "secure-login.example-bank-jp.xyz",
        rrtype: "A",
        rdata: "45.67.89.12",
        time_first: "2026-11-01T00:00:00Z",
        time_last: "2026-11-30T00:00:00Z",
        count: 4,
      }),
      JSON.stringify({
        rrname: "unseen-phish.example-card.xyz",
        rrtype: "A",
        rdata: "45.67.89.12",
        time_first: "2026-11-01T00:00:00Z",
        time_last: "2026-11-30T00:00:00Z",
      }),
    ].join("\n");
    const res = await partnerPost(submitToken, "application/x-ndjson", lines);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json() as TUrlBatchResult;
    expect(result).toMatchObject({ accepted: 3, created: 1, rejected: 2, passiveDns: 2 });
    expect(result.lines.map((l) => [l.line, l.ok, l.error?.code ?? null])).toEqual([
      [1, true, null],
      [2, true, null],
      [3, false, "BAD_JSON"],
      [4, false, "unsupported_scheme"],
      [5, true, null],
    ]);
    expect(result.lines[2]!.error!.message.ja).toMatch(/JSON/);
    const phish = await urlId(PHISH_CANONICAL);
    const detail = (await staff.clients.analyst!.get(`/api/hub/urls/${phish}`)).json() as TPhishUrlDetail;
    expect(detail.url.sightingCount).toBe(3);
    // Passive DNS placed the URL on its IP; the sibling host on the same domain and IP is in its clusters.
    expect(detail.url.ip).toBe("45.67.89.12");
    // The assistant's proposal is stored after COMMIT (for the queue's brand filter).
    await expect
      .poll(
        async () =>
          (await t.db.db.select().from(hubPhishUrls).where(eq(hubPhishUrls.id, phish)))[0]?.proposedVerdict,
      )
      .toBeTruthy();
    expect(detail.cluster.sameDomain.map((u) => u.host)).toEqual(["other-phish.example-bank-jp.xyz"]);
    expect(detail.cluster.ipNeighbours.map((n) => n.rrname)).toEqual(["unseen-phish.example-card.xyz"]);
    expect(detail.cluster.ipListing.allowed).toBe(true);
  });

  it("shows a partner its own submissions only", async () => {
    const own = (token: string) =>
      t.app.inject({ method: "GET", url: "/hub-api/v1/urls", headers: { authorization: `Bearer ${token}` } });
    const mine = (await own(submitToken)).json() as { items: { canonical: string; ref: string | null }[] };
    expect(mine.items.map((i) => i.ref).sort()).toEqual([null, null, "p-1"]);
    expect(((await own(vendorToken)).json() as { items: unknown[] }).items).toEqual([]);
  });

  it("refuses a batch over the partner's quota as a whole, with Retry-After and a Japanese message", async () => {
    const many = Array.from({ length: 30 }, (_, i) => `https://q${i}.quota-phish.xyz/`).join("\n");
    const res = await partnerPost(submitToken, "text/csv", `url\n${many}`);
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    expect((res.json() as { error: { message: string } }).error.message).toMatch(/上限/);
  });

  it("refuses a bad token and an unknown content type", async () => {
    const bad = await partnerPost(`sonae_pt_${"x".repeat(43)}`, "text/csv", "url\nhttp://a.test/");
    expect(bad.statusCode).toBe(401);
    const type = await partnerPost(submitToken, "text/html", "<a>");
    expect(type.statusCode).toBe(400);
    const huge = await partnerPost(submitToken, "text/csv", `url\n${"https://a.xyz/\n".repeat(400_000)}`);
    expect(huge.statusCode).toBe(413);
    const deep = await partnerPost(
      submitToken,
      "application/stix+json",
      `${"[".repeat(5000)}${"]".repeat(5000)}`,
    );
    expect(deep.statusCode).toBe(400);
    expect((deep.json() as { error: { message: string } }).error.message).toMatch(/上限|nested/);
  });

  it("lets an intake officer not judge, and an analyst confirm; same-IP hosts become candidates", async () => {
    const id = await urlId(PHISH_CANONICAL);
    const denied = await staff.clients.intake!.post(`/api/hub/urls/${id}/judgement`, {
      state: "confirmed",
      category: "phishing",
      reason: "ログイン画面の偽装",
    });
    expect(denied.statusCode).toBe(403);
    const noCategory = await staff.clients.analyst!.post(`/api/hub/urls/${id}/judgement`, {
      state: "confirmed",
      reason: "x",
    });
    expect(noCategory.statusCode).toBe(400);
    const ok = await staff.clients.analyst!.post(`/api/hub/urls/${id}/judgement`, {
      state: "confirmed",
      category: "phishing",
      brandId: "example-bank",
      reason: "ログイン画面の偽装を確認",
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ url: { state: "confirmed", category: "phishing" }, discovered: 1 });
    const discovered = await t.db.db
      .select()
      .from(hubPhishUrls)
      .where(eq(hubPhishUrls.host, "unseen-phish.example-card.xyz"));
    expect(discovered.map((d) => [d.state, d.discoveredVia])).toEqual([["candidate", "ip:45.67.89.12"]]);
  });

  it("shows another prefecture the record but not Tokyo's sightings", async () => {
    const detail = (
      await staff.clients.osakaAnalyst!.get(`/api/hub/urls/${await urlId(PHISH_CANONICAL)}`)
    ).json() as TPhishUrlDetail;
    expect(detail.url.state).toBe("confirmed");
    expect(detail.sightings).toEqual([]);
    expect(detail.otherSightings).toBe(3);
  });

  it("serves the vendor its feeds (text, CSV, STIX) full, and nothing new since the cursor", async () => {
    const text = await pull(vendorToken, "phishing?format=txt");
    expect(text.statusCode).toBe(200);
    expect(text.body.split("\n").filter((l) => l && !l.startsWith("#"))).toEqual([PHISH_CANONICAL]);
    cursorAfterConfirm = Number(text.headers["x-sonae-cursor"]);
    expect(cursorAfterConfirm).toBeGreaterThan(0);
    const csv = await pull(vendorToken, "all?format=csv");
    expect(csv.body).toContain(`,added,${PHISH_CANONICAL},`);
    const stix = await pull(vendorToken, "all?format=stix");
    const bundle = JSON.parse(stix.body) as { objects: { type: string; pattern?: string }[] };
    expect(validateStixBundle(bundle)).toEqual([]);
    expect(bundle.objects.filter((o) => o.type === "indicator").map((o) => o.pattern)).toEqual([
      `[url:value = '${PHISH_CANONICAL}']`,
    ]);
    const since = await pull(vendorToken, `all?format=txt&since=${cursorAfterConfirm}`);
    expect(since.body.split("\n").filter((l) => l && !l.startsWith("#"))).toEqual([]);
    // A feed not granted is unknown to this consumer; the submitting partner has no feeds.
    expect((await pull(vendorToken, "fake-shop")).statusCode).toBe(404);
    expect((await pull(submitToken, "all")).statusCode).toBe(404);
  });

  it("never lists a warning-listed URL", async () => {
    const res = await staff.admin.post(
      `/api/hub/urls/${(await addViaCase("https://bit.ly/3xYzAbC")).id}/judgement`,
      { state: "confirmed", category: "phishing", reason: "短縮URL経由" },
    );
    expect(res.statusCode).toBe(400);
    const full = await pull(vendorToken, "all?format=txt");
    expect(full.body).not.toContain("bit.ly");
  });

  it("withdraws a false positive: it leaves the full feed and is in every feed's changes since the cursor", async () => {
    const id = await urlId(PHISH_CANONICAL);
    const res = await staff.clients.analyst!.post(`/api/hub/urls/${id}/judgement`, {
      state: "benign",
      reason: "正規の委託先サイトと判明",
    });
    expect(res.statusCode).toBe(200);
    for (const feed of ["all", "phishing"]) {
      const full = await pull(vendorToken, `${feed}?format=txt`);
      expect(full.body).not.toContain(PHISH_CANONICAL);
      const changes = await pull(vendorToken, `${feed}?format=txt&since=${cursorAfterConfirm}`);
      expect(changes.body.split("\n").filter((l) => l && !l.startsWith("#"))).toEqual([
        `-${PHISH_CANONICAL}`,
      ]);
      const withdrawn = await pull(vendorToken, `${feed}/withdrawals?format=csv&since=${cursorAfterConfirm}`);
      expect(withdrawn.body).toMatch(
        /,withdrawn,https:\/\/secure-login\.example-bank-jp\.xyz\/auth\?id=1,.*false_positive/,
      );
      const stix = JSON.parse(
        (await pull(vendorToken, `${feed}?format=stix&since=${cursorAfterConfirm}`)).body,
      );
      expect(validateStixBundle(stix)).toEqual([]);
      expect(stix.objects.find((o: { type: string }) => o.type === "indicator")).toMatchObject({
        revoked: true,
      });
    }
  });

  it("audits every feed pull", async () => {
    const pulls = await t.db.db.select().from(auditEvents).where(eq(auditEvents.type, "hub.url_feed_pulled"));
    expect(pulls.length).toBeGreaterThanOrEqual(10);
    expect(pulls.map((p) => p.payload)).toContainEqual(
      expect.objectContaining({ feed: "phishing", format: "txt", since: null, entries: 1 }),
    );
  });
});

describe("the delisting path", () => {
  it("takes a site owner's request and, when an officer delists, withdraws the domain's URLs from every feed", async () => {
    const listed = await addViaCase("https://shop.fake-outlet-sale.xyz/item/123");
    const confirm = await staff.clients.analyst!.post(`/api/hub/urls/${listed.id}/judgement`, {
      state: "confirmed",
      category: "fake_shop",
      reason: "偽ショップ",
    });
    expect(confirm.statusCode).toBe(200);
    const before = Number((await pull(vendorToken, "all?format=txt")).headers["x-sonae-cursor"]);

    const owner = new TestClient(t.app);
    await owner.refreshSession();
    const challenge = (await owner.get("/api/hub/public/challenge")).json() as {
      challenge: string;
      bits: number;
    };
    const req = await owner.post("/api/hub/public/delisting", {
      target: "fake-outlet-sale.xyz",
      contact: "owner@fake-outlet-sale.xyz",
      explanation: "ドメインを買い取り、現在は正規の店舗です。",
      pow: { challenge: challenge.challenge, solution: await solvePow(challenge.challenge, challenge.bits) },
    });
    expect(req.statusCode, req.body).toBe(201);
    expect(req.json()).toMatchObject({ targetKind: "domain", target: "fake-outlet-sale.xyz" });

    const queue = (await staff.clients.analyst!.get("/api/hub/url-delisting")).json() as {
      id: string;
      listed: string[];
    }[];
    expect(queue[0]!.listed).toEqual(["https://shop.fake-outlet-sale.xyz/item/123"]);
    const decided = await staff.clients.analyst!.post(`/api/hub/url-delisting/${queue[0]!.id}/decision`, {
      decision: "delist",
      reason: "所有者変更を確認",
    });
    expect(decided.json()).toEqual({ status: "delisted", withdrawn: 1 });
    const changes = await pull(vendorToken, `all?format=txt&since=${before}`);
    expect(changes.body).toContain("-https://shop.fake-outlet-sale.xyz/item/123");
    expect((await pull(vendorToken, "all?format=txt")).body).not.toContain("fake-outlet-sale");
  });
});

/** Adds a URL to a fresh public case through the officer API and returns its record. */
async function addViaCase(url: string): Promise<{ id: number }> {
  const visitor = new TestClient(t.app);
  await visitor.refreshSession();
  const challenge = (await visitor.get("/api/hub/public/challenge")).json() as {
    challenge: string;
    bits: number;
  };
  const report = await visitor.post("/api/hub/public/reports", {
    kind: "information",
    prefectureCode: "13",
    title: "情報提供",
    description: "不審なサイト",
    pow: { challenge: challenge.challenge, solution: await solvePow(challenge.challenge, challenge.bits) },
  });
  expect(report.statusCode).toBe(201);
  const reference = (report.json() as { reference: string }).reference;
  const page = (await staff.admin.get(`/api/hub/cases?q=${reference}`)).json() as { items: { id: string }[] };
  const added = await staff.clients.intake!.post(`/api/hub/cases/${page.items[0]!.id}/urls`, { urls: [url] });
  expect(added.statusCode, added.body).toBe(200);
  const canonical = (added.json() as TUrlBatchResult).lines[0]!.canonical!;
  return { id: await urlId(canonical) };
}
