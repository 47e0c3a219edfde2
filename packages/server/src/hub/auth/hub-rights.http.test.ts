import type { THubCaseSummary, THubRole } from "@sonae/core";
import { HUB_ROLES } from "@sonae/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateHubOrgKeyPair, submitReportToHub } from "../../org/hub-client/hub-client";
import { TEST_PASSWORD, type TestClient } from "../../testing/test-app";
import { brandKeyPair, EXPOSURE_NONE } from "../cards/card-test-fixtures";
import { buildHubTestApp, injectFetch, samplePackage, setupHubStaff } from "../testing/hub-test-app";
import {
  HUB_CARD_ACTIONS,
  HUB_CASE_ACTIONS,
  HUB_RELATIONS,
  HUB_RIGHTS,
  HUB_UNIT_ACTIONS,
  type HubCardAction,
  type HubCaseAction,
  type HubRelation,
  type HubUnitAction,
  hubRightAllows,
} from "./hub-rights";

/**
 * The rights table, cell by cell, against the HTTP API (issue 16 §2). Expected outcomes are read
 * from HUB_RIGHTS itself, so the table and the routes cannot drift apart: every case action is
 * tried by every role in every relation (plus "none"), every unit action on the own unit, and the
 * unit actions that name a unit (keys, members, audit) also on another unit, from the national
 * unit and from a prefecture.
 */
const TOKYO = 13;
const OSAKA = 27;
const NATIONAL = 0;
let t: Awaited<ReturnType<typeof buildHubTestApp>>;
let staff: Awaited<ReturnType<typeof setupHubStaff>>;
const orgs = { [TOKYO]: generateHubOrgKeyPair(), [OSAKA]: generateHubOrgKeyPair() };
const actorKey = (unit: "tokyo" | "national", role: THubRole) => `${unit}-${role}`;

beforeAll(async () => {
  t = await buildHubTestApp();
  staff = await setupHubStaff(t.app, [
    ...HUB_ROLES.map((role) => ({ key: actorKey("tokyo", role), unitId: TOKYO, role })),
    ...HUB_ROLES.map((role) => ({ key: actorKey("national", role), unitId: NATIONAL, role })),
    { key: "osakaAdmin", unitId: OSAKA, role: "unit_admin" },
  ]);
}, 120_000);
afterAll(() => t.close());

async function submitTo(unitId: typeof TOKYO | typeof OSAKA): Promise<string> {
  const receipt = await submitReportToHub({
    hubUrl: "http://hub.test",
    payload: samplePackage(),
    privateKey: orgs[unitId].privateKeyPem,
    orgName: "株式会社テスト",
    prefectureCode: String(unitId),
    fetchImpl: injectFetch(t.app),
  });
  await confirmKeys();
  // The reference finds the case in either lane (the queue lists confirmed keys by default).
  const page = (await staff.admin.get(`/api/hub/cases?key=all&q=${receipt.reference}`)).json() as {
    items: THubCaseSummary[];
  };
  return page.items.find((c) => c.reference === receipt.reference)!.id;
}

/** Genuine organisations: their keys are confirmed once enrolled, so the unconfirmed lane's quotas do not apply. */
async function confirmKeys(): Promise<void> {
  const keys = (await staff.admin.get("/api/hub/org-keys")).json() as { id: string; status: string }[];
  for (const key of keys.filter((k) => k.status === "pending")) {
    const res = await staff.admin.post(`/api/hub/org-keys/${key.id}/status`, { status: "active" });
    if (res.statusCode !== 200) throw new Error(`fixture key confirmation: ${res.statusCode} ${res.body}`);
  }
}

async function act(client: TestClient, id: string, body: object) {
  const res = await client.post(`/api/hub/cases/${id}/actions`, body);
  if (res.statusCode !== 200) throw new Error(`fixture action: ${res.statusCode} ${res.body}`);
}

/** A fresh case standing in `relation` to the actor who will use it (Tokyo, or national for "national"). */
async function caseIn(relation: HubRelation | "none"): Promise<string> {
  switch (relation) {
    case "own":
      return submitTo(TOKYO);
    case "shared": {
      const id = await submitTo(OSAKA);
      await act(staff.clients.osakaAdmin!, id, { action: "share", unitId: TOKYO });
      return id;
    }
    case "former_owner": {
      const id = await submitTo(TOKYO);
      await act(staff.admin, id, { action: "transfer", unitId: OSAKA });
      return id;
    }
    case "national":
    case "none":
      return submitTo(OSAKA);
  }
}

const CASE_PROBES: Record<HubCaseAction, (c: TestClient, id: string) => Promise<number>> = {
  "case.read": async (c, id) => (await c.get(`/api/hub/cases/${id}`)).statusCode,
  "case.message": async (c, id) =>
    (await c.post(`/api/hub/cases/${id}/messages`, { kind: "question", body: "状況を教えてください" }))
      .statusCode,
  "case.related": async (c, id) => (await c.get(`/api/hub/cases/${id}/related`)).statusCode,
  "case.triage": async (c, id) =>
    (await c.post(`/api/hub/cases/${id}/actions`, { action: "acknowledge" })).statusCode,
  "case.close": async (c, id) =>
    (await c.post(`/api/hub/cases/${id}/actions`, { action: "close" })).statusCode,
  "case.share": async (c, id) =>
    (await c.post(`/api/hub/cases/${id}/actions`, { action: "share", unitId: 1 })).statusCode,
  "case.transfer": async (c, id) =>
    (await c.post(`/api/hub/cases/${id}/actions`, { action: "transfer", unitId: 1 })).statusCode,
  "case.urls": async (c, id) =>
    (
      await c.post(`/api/hub/cases/${id}/urls`, {
        urls: [`hxxp://probe-${id.slice(0, 8)}[.]phish.test/login`],
      })
    ).statusCode,
};

describe("the rights table, every case cell against the HTTP API", () => {
  for (const role of HUB_ROLES) {
    for (const relation of [...HUB_RELATIONS, "none"] as const) {
      it(`${role} × ${relation}`, async () => {
        const client = staff.clients[actorKey(relation === "national" ? "national" : "tokyo", role)]!;
        const outcomes: Record<string, number> = {};
        const expected: Record<string, number> = {};
        for (const action of HUB_CASE_ACTIONS) {
          const id = await caseIn(relation);
          outcomes[action] = await CASE_PROBES[action](client, id);
          const allowed = hubRightAllows(role, relation, action);
          // Allowed → success; visible but not allowed → 403; invisible → 404 (existence not revealed).
          expected[action] = allowed
            ? action === "case.message"
              ? 201
              : 200
            : relation === "none"
              ? 404
              : 403;
        }
        expect(outcomes).toEqual(expected);
      }, 60_000);
    }
  }
});

/** Unit actions that name no unit act on the actor's own unit only: the table grants them nowhere else. */
const OWN_ONLY: HubUnitAction[] = [
  "queue.read",
  "stats.read",
  "alerts.read",
  "advisory.read",
  "advisory.publish",
  "urls.read",
  "urls.judge",
];
const NAMED_UNIT: HubUnitAction[] = ["keys.manage", "members.manage", "audit.read", "partners.manage"];

async function keyOfUnit(unitId: typeof TOKYO | typeof OSAKA): Promise<string> {
  await submitTo(unitId);
  const keys = (await staff.admin.get("/api/hub/org-keys")).json() as { id: string; unitId: number }[];
  return keys.find((k) => k.unitId === unitId)!.id;
}

async function freshUserEmail(): Promise<string> {
  const email = `new-${Math.random().toString(36).slice(2)}@police.example.jp`;
  const res = await staff.admin.post("/api/users", {
    displayName: "新任",
    email,
    password: TEST_PASSWORD,
    role: "member",
  });
  expect(res.statusCode).toBe(201);
  return email;
}

const UNIT_PROBES: Record<HubUnitAction, (c: TestClient, unitId: number) => Promise<number>> = {
  "queue.read": async (c) => (await c.get("/api/hub/cases")).statusCode,
  "stats.read": async (c) => (await c.get("/api/hub/stats?from=2026-01-01&to=2026-12-31")).statusCode,
  "alerts.read": async (c) => (await c.get("/api/hub/alerts")).statusCode,
  "advisory.read": async (c) => (await c.get("/api/hub/advisories")).statusCode,
  "advisory.publish": async (c, unitId) =>
    (
      await c.post("/api/hub/advisories", {
        severity: "info",
        titleJa: "注意喚起",
        bodyJa: "本文",
        prefectureCode: String(unitId).padStart(2, "0"),
        sourceUrl: null,
      })
    ).statusCode,
  "keys.manage": async (c, unitId) =>
    (await c.get(`/api/hub/org-keys/${await keyOfUnit(unitId as typeof TOKYO)}`)).statusCode,
  "members.manage": async (c, unitId) =>
    (await c.put("/api/hub/memberships", { email: await freshUserEmail(), unitId, role: "intake_officer" }))
      .statusCode,
  "audit.read": async (c, unitId) => (await c.get(`/api/hub/audit?unitId=${unitId}`)).statusCode,
  "urls.read": async (c) => (await c.get("/api/hub/urls")).statusCode,
  "urls.judge": async (c) =>
    (await c.post(`/api/hub/urls/${await freshUrlId()}/judgement`, { state: "unreachable", reason: "確認" }))
      .statusCode,
  "partners.manage": async (c, unitId) =>
    (await c.post("/api/hub/url-partners", { name: "検証用パートナー", unitId })).statusCode,
};

/** A new candidate URL, added to a new case by the national admin. */
async function freshUrlId(): Promise<number> {
  const caseId = await submitTo(TOKYO);
  const host = `probe-${Math.random().toString(36).slice(2)}.phish.test`;
  const res = await staff.admin.post(`/api/hub/cases/${caseId}/urls`, { urls: [`http://${host}/login`] });
  if (res.statusCode !== 200) throw new Error(`fixture URL: ${res.statusCode} ${res.body}`);
  const page = (await staff.admin.get(`/api/hub/urls?q=${host}`)).json() as { items: { id: number }[] };
  return page.items[0]!.id;
}

const ok = (status: number) => status >= 200 && status < 300;

describe("the rights table, every unit cell against the HTTP API", () => {
  it("grants unit actions that name no unit only on the own unit", () => {
    for (const role of HUB_ROLES)
      for (const relation of HUB_RELATIONS.filter((r) => r !== "own"))
        for (const action of OWN_ONLY)
          expect(HUB_RIGHTS[role][relation], `${role} ${relation}`).not.toContain(action);
    expect([...OWN_ONLY, ...NAMED_UNIT].sort()).toEqual([...HUB_UNIT_ACTIONS].sort());
  });

  for (const role of HUB_ROLES) {
    it(`${role}: own unit, another unit from a prefecture (none), another unit from the national unit`, async () => {
      const outcomes: Record<string, boolean> = {};
      const expected: Record<string, boolean> = {};
      const tokyo = staff.clients[actorKey("tokyo", role)]!;
      const national = staff.clients[actorKey("national", role)]!;
      for (const action of HUB_UNIT_ACTIONS) {
        outcomes[`${action} own`] = ok(await UNIT_PROBES[action](tokyo, TOKYO));
        expected[`${action} own`] = hubRightAllows(role, "own", action);
        if (!NAMED_UNIT.includes(action)) continue;
        outcomes[`${action} none`] = ok(await UNIT_PROBES[action](tokyo, OSAKA));
        expected[`${action} none`] = false;
        outcomes[`${action} national`] = ok(await UNIT_PROBES[action](national, OSAKA));
        expected[`${action} national`] = hubRightAllows(role, "national", action);
      }
      expect(outcomes).toEqual(expected);
    }, 60_000);
  }
});

/**
 * Card actions (issue 19 §5). Entering and reading act on a unit (own; reading another unit's from
 * the national unit); batches and recipients are asked of the national unit itself, so a prefecture's
 * member stands in "none" to them and a national member in "own".
 */
const CARD_PROBES: Record<HubCardAction, (c: TestClient, unitId: number) => Promise<number>> = {
  "cards.enter": async (c) =>
    (
      await c.post("/api/hub/cards/entries", {
        number: "4111111111111111",
        exposure: EXPOSURE_NONE,
        source: { kind: "case", ref: "rights" },
        learnedOn: "2026-12-01",
      })
    ).statusCode,
  "cards.read": async (c, unitId) => (await c.get(`/api/hub/cards/entries?unitId=${unitId}`)).statusCode,
  "cards.batch": async (c) => (await c.get("/api/hub/cards/batches")).statusCode,
  "cards.recipients": async (c) =>
    (
      await c.post("/api/hub/cards/recipients", {
        brand: "visa",
        name: "Visa",
        publicKeyArmored: recipientKey,
      })
    ).statusCode,
};
let recipientKey = "";

describe("the rights table, every card cell against the HTTP API", () => {
  beforeAll(async () => {
    recipientKey = (await brandKeyPair("visa")).publicKey;
  });

  for (const role of HUB_ROLES) {
    it(`${role}: card actions from a prefecture and from the national unit`, async () => {
      const outcomes: Record<string, boolean> = {};
      const expected: Record<string, boolean> = {};
      const tokyo = staff.clients[actorKey("tokyo", role)]!;
      const national = staff.clients[actorKey("national", role)]!;
      for (const action of HUB_CARD_ACTIONS) {
        const nationalLevel = action === "cards.batch" || action === "cards.recipients";
        // Entering always goes to the actor's own unit; only reading names another unit.
        const nationalRelation = action === "cards.read" ? "national" : "own";
        outcomes[`${action} prefecture`] = ok(await CARD_PROBES[action](tokyo, TOKYO));
        expected[`${action} prefecture`] = nationalLevel ? false : hubRightAllows(role, "own", action);
        outcomes[`${action} national`] = ok(
          await CARD_PROBES[action](national, nationalLevel ? NATIONAL : OSAKA),
        );
        expected[`${action} national`] = hubRightAllows(role, nationalRelation, action);
      }
      expect(outcomes).toEqual(expected);
    }, 60_000);
  }
});
