import { createHash } from "node:crypto";
import type { THubCardBatch, THubCardImportResult } from "@sonae/core";
import { auditEvents } from "@sonae/db";
import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHubTestApp, setupHubStaff } from "../testing/hub-test-app";
import {
  ALL_TEST_CARDS,
  decryptBatch,
  EXPOSURE_NONE,
  importBody,
  registerAllRecipients,
  TEST_CARDS,
  xlsxWithNumberCell,
} from "./card-test-fixtures";

const TOKYO = 13;
const OSAKA = 27;
let t: Awaited<ReturnType<typeof buildHubTestApp>>;
let staff: Awaited<ReturnType<typeof setupHubStaff>>;
let privateKeys: Record<string, string>;

beforeAll(async () => {
  t = await buildHubTestApp();
  staff = await setupHubStaff(t.app, [
    { key: "tokyo", unitId: TOKYO, role: "intake_officer" },
    { key: "osaka", unitId: OSAKA, role: "intake_officer" },
    { key: "card", unitId: 0, role: "card_officer" },
    { key: "tokyoCard", unitId: TOKYO, role: "card_officer" },
  ]);
  privateKeys = await registerAllRecipients(staff.admin);
}, 120_000);
afterAll(() => t.close());

const c = (k: string) => staff.clients[k]!;

describe("intake: every line says accepted, duplicate or refused and why", () => {
  it("imports a CSV with valid, invalid, duplicate and Excel-damaged numbers", async () => {
    const csv = [
      "number,expiry,cvc,holder",
      "4111 1111 1111 1111,12/29,123,",
      "5555-5555-5555-4444,,,",
      "4111111111111111,,,",
      "4.53E+15,,,",
      "4012888888881880,,,",
      "4242424242424241,,,",
      "3530111333300000,127,,",
      "1234567812345670,,,",
      "12345,,,",
    ].join("\n");
    const res = await c("tokyo").post("/api/hub/cards/imports", importBody("csv", csv));
    expect(res.statusCode).toBe(200);
    const body = res.json() as THubCardImportResult;
    expect(body.lines.map((l) => [l.line, l.status, l.reason])).toEqual([
      [2, "accepted", null],
      [3, "accepted", null],
      [4, "duplicate", "in_file"],
      [5, "refused", "excel_scientific"],
      [6, "refused", "excel_truncated"],
      [7, "refused", "luhn"],
      [8, "refused", "expiry_leading_zero"],
      [9, "refused", "unknown_brand"],
      [10, "refused", "too_short"],
    ]);
    expect(body).toMatchObject({ accepted: 2, duplicates: 1, refused: 6 });
    expect(body.lines[0]).toMatchObject({ masked: "411111******1111", brand: "visa" });
    expect(body.lines[3]!.message).toContain("指数表記");
    expect(res.body).not.toContain("4111111111111111");
  });

  it("answers in English when asked", async () => {
    const res = await c("tokyo").request({
      method: "POST",
      url: "/api/hub/cards/entries",
      headers: { "accept-language": "en" },
      payload: {
        number: "4.11E+15",
        exposure: EXPOSURE_NONE,
        source: { kind: "case", ref: "X" },
        learnedOn: "2026-11-30",
      },
    });
    expect((res.json() as THubCardImportResult).lines[0]!.message).toContain("scientific notation");
  });

  it("refuses a number stored in an Excel number cell and accepts the same kind typed as text", async () => {
    const xlsx = await xlsxWithNumberCell(TEST_CARDS.visa[1], TEST_CARDS.visa[2]);
    const body = (
      await c("tokyo").post("/api/hub/cards/imports", importBody("xlsx", xlsx))
    ).json() as THubCardImportResult;
    expect(body.lines.map((l) => [l.status, l.reason])).toEqual([
      ["accepted", null],
      ["refused", "excel_number_cell"],
    ]);
  });

  it("counts a number another unit already entered as a duplicate", async () => {
    const res = await c("osaka").post("/api/hub/cards/entries", {
      number: TEST_CARDS.visa[0],
      exposure: { ...EXPOSURE_NONE, cvc: true },
      source: { kind: "phishing_url", ref: "hxxps://example[.]test/login" },
      learnedOn: "2026-12-01",
    });
    expect((res.json() as THubCardImportResult).lines[0]).toMatchObject({
      status: "duplicate",
      reason: "already_registered",
    });
  });

  it("writes nothing when the file is refused as a whole", async () => {
    const before = (await c("tokyo").get("/api/hub/cards/entries?limit=200")).json().items.length;
    const res = await c("tokyo").post(
      "/api/hub/cards/imports",
      importBody("csv", "no_number_column\n4242424242424242"),
    );
    expect(res.statusCode).toBe(400);
    expect((await c("tokyo").get("/api/hub/cards/entries?limit=200")).json().items.length).toBe(before);
  });

  it("imports plain text, one number per line", async () => {
    const text = `# seized dataset\n${[...TEST_CARDS.amex, ...TEST_CARDS.jcb, ...TEST_CARDS.unionpay, ...TEST_CARDS.discover, ...TEST_CARDS.diners].join("\n")}\n${TEST_CARDS.mastercard.slice(1).join("\r\n")}`;
    const body = (
      await c("osaka").post("/api/hub/cards/imports", importBody("text", text))
    ).json() as THubCardImportResult;
    expect(body.refused).toBe(0);
    expect(body.accepted + body.duplicates).toBe(11);
  });
});

describe("access: own entries masked, batches for the national card role only", () => {
  it("shows a prefecture only its own entries, masked", async () => {
    const tokyo = (await c("tokyo").get("/api/hub/cards/entries")).json().items as {
      unitId: number;
      masked: string;
      id: string;
    }[];
    expect(tokyo.length).toBeGreaterThan(0);
    expect(tokyo.every((e) => e.unitId === TOKYO && /^\d{6}\*+\d{4}$/.test(e.masked))).toBe(true);
    expect((await c("osaka").get(`/api/hub/cards/entries/${tokyo[0]!.id}`)).statusCode).toBe(404);
    expect((await c("osaka").get(`/api/hub/cards/entries?unitId=${TOKYO}`)).statusCode).toBe(403);
    expect((await c("tokyo").get(`/api/hub/cards/entries/${tokyo[0]!.id}`)).statusCode).toBe(200);
  });

  it("lets only the national card role build, list and send batches; only national admins register keys", async () => {
    for (const k of ["tokyo", "tokyoCard"]) {
      expect((await c(k).post("/api/hub/cards/batches", {})).statusCode).toBe(403);
      expect((await c(k).get("/api/hub/cards/batches")).statusCode).toBe(403);
    }
    expect((await staff.admin.post("/api/hub/cards/batches", {})).statusCode).toBe(403);
    expect(
      (
        await c("card").post("/api/hub/cards/recipients", {
          brand: "visa",
          name: "x",
          publicKeyArmored: "x".repeat(200),
        })
      ).statusCode,
    ).toBe(403);
    const all = (await c("card").get("/api/hub/cards/entries?limit=200")).json().items as {
      unitId: number;
    }[];
    expect(new Set(all.map((e) => e.unitId))).toEqual(new Set([TOKYO, OSAKA]));
  });
});

describe("brand batches", () => {
  let batches: THubCardBatch[];
  it("builds one batch per brand whose counts add up to every number entered", async () => {
    const dash = (await c("card").get("/api/hub/cards/dashboard")).json();
    const res = await c("card").post("/api/hub/cards/batches", {});
    expect(res.statusCode).toBe(200);
    batches = (await c("card").get("/api/hub/cards/batches")).json();
    expect(batches.map((b) => b.brand).sort()).toEqual([
      "amex",
      "diners",
      "discover",
      "jcb",
      "mastercard",
      "unionpay",
      "visa",
    ]);
    const total = batches.reduce((s, b) => s + b.count, 0);
    expect(total).toBe(dash.totalWaiting);
    // Every distinct public test number was entered once (one Visa was refused in its number cell).
    expect(total).toBe(ALL_TEST_CARDS.length - 1);
    const after = (await c("card").get("/api/hub/cards/dashboard")).json();
    expect(after.totalWaiting).toBe(0);
    expect((await c("card").post("/api/hub/cards/batches", {})).json().built).toEqual([]);
  });

  it("encrypts each file to the brand's key: sorted numbers, SHA-256 and exposure as in the manifest", async () => {
    const visa = batches.find((b) => b.brand === "visa")!;
    const res = await c("card").get(`/api/hub/cards/batches/${visa.id}/file`);
    expect(res.body).toContain("-----BEGIN PGP MESSAGE-----");
    expect(createHash("sha256").update(res.body).digest("hex")).toBe(visa.manifest.encryptedSha256);
    const csv = await decryptBatch(res.body, privateKeys.visa!);
    expect(createHash("sha256").update(csv).digest("hex")).toBe(visa.manifest.fileSha256);
    const pans = csv
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(",")[0]);
    expect(pans).toEqual(["4012888888881881", "4111111111111111"]);
    expect(visa.manifest).toMatchObject({ count: 2, learnedFrom: "2026-11-30", learnedTo: "2026-11-30" });
    expect(visa.manifest.exposure).toMatchObject({ expiry: 2, cvc: 1, holder: 0, numberOnly: 0 });
    await expect(decryptBatch(res.body, privateKeys.jcb!)).rejects.toThrow();
  });

  it("re-issues as a new batch naming the old one, which stays as it was; sending is recorded once", async () => {
    const jcb = batches.find((b) => b.brand === "jcb")!;
    const re = await c("card").post(`/api/hub/cards/batches/${jcb.id}/reissue`);
    expect(re.statusCode).toBe(200);
    const list = (await c("card").get("/api/hub/cards/batches")).json() as THubCardBatch[];
    const copy = list.find((b) => b.reissueOf === jcb.id)!;
    expect(copy.manifest.fileSha256).toBe(jcb.manifest.fileSha256);
    expect(copy.manifest.encryptedSha256).not.toBe(jcb.manifest.encryptedSha256);
    expect(list.find((b) => b.id === jcb.id)).toEqual(jcb);
    expect((await c("card").post(`/api/hub/cards/batches/${jcb.id}/sent`)).statusCode).toBe(200);
    expect((await c("card").post(`/api/hub/cards/batches/${jcb.id}/sent`)).statusCode).toBe(409);
  });

  it("shows each number's age from learning to its batch", async () => {
    const items = (await c("tokyo").get("/api/hub/cards/entries?status=sent")).json().items as {
      batchId: string;
      ageHours: number;
    }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.batchId && i.ageHours > 0)).toBe(true);
  });

  it("audits reads and batch actions", async () => {
    const rows = await t.db.db.select().from(auditEvents).where(like(auditEvents.type, "hub.card%"));
    const types = new Set(rows.map((r) => r.type));
    for (const type of [
      "hub.cards_imported",
      "hub.cards_viewed",
      "hub.card_viewed",
      "hub.card_dashboard_viewed",
      "hub.card_batch_built",
      "hub.card_batches_viewed",
      "hub.card_batch_downloaded",
      "hub.card_batch_sent",
      "hub.card_recipient_set",
    ])
      expect(types, type).toContain(type);
  });
});
