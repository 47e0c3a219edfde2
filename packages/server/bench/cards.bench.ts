/**
 * npm run bench:cards — the card-number hand-over (issue 19 "Measured"):
 *   1. import N numbers from a generated CSV through the real path (parse, validate, brand, HMAC,
 *      AES-256-GCM sealing, INSERT in one transaction per 50,000-line file) against the SAME file
 *      parsed and inserted without protection (plain text column) in the same run (the reference);
 *   2. de-duplication look-up p50/p99 (by keyed hash, half hits, half misses);
 *   3. brand batch build (decrypt, sort, manifest, OpenPGP encryption, batch items) per brand;
 *   4. peak RSS.
 * PostgreSQL from BENCH_DATABASE_URL or TEST_DATABASE_URL (a scratch database is created and
 * dropped); without one, in-memory PGlite. BENCH_CARDS_N (default 100,000; 1000000 for the issue's
 * figure). The numbers are synthetic, generated in the brands' published TEST ranges (411111…,
 * 555555…, 353011…) with a valid check digit. Nothing is hard-coded: every figure is measured here.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createDb } from "@sonae/db";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import pg from "pg";
import { seedHubUnits } from "../src/hub/auth/hub-units.service";
import { buildBrandBatch } from "../src/hub/cards/card-batches.service";
import type { CardLine } from "../src/hub/cards/card-file";
import { importCards, prepareCardLines } from "../src/hub/cards/card-import.service";
import { loadCardKeys } from "../src/hub/cards/card-keys";
import { luhnValid } from "../src/hub/cards/card-number";
import { setCardRecipient } from "../src/hub/cards/card-recipients.service";
import { brandKeyPair } from "../src/hub/cards/card-test-fixtures";
import { panHmac } from "../src/hub/cards/card-vault";
import { pgArray } from "../src/hub/store/pg-array";

const N = Number(process.env.BENCH_CARDS_N ?? 100_000);
const FILE_LINES = 50_000; // the import route's per-file limit
const LOOKUPS = Number(process.env.BENCH_CARDS_LOOKUPS ?? 10_000);
const BASE = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const ctx = { actor: null, ip: null, userAgent: "bench:cards" };

function checkDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(`${body}${d}`)) return String(d);
  throw new Error("unreachable");
}

/** 50% Visa, 30% Mastercard, 20% JCB test ranges; unique by a counter. */
function generateCsv(n: number): string {
  const lines = ["number,expiry,cvc"];
  for (let i = 0; i < n; i++) {
    const prefix = i % 10 < 5 ? "411111" : i % 10 < 8 ? "555555" : "353011";
    const body = `${prefix}${String(i).padStart(9, "0")}`;
    lines.push(`${body}${checkDigit(body)},${i % 3 === 0 ? "12/29" : ""},${i % 7 === 0 ? "y" : ""}`);
  }
  return `${lines.join("\n")}\n`;
}

async function scratch(): Promise<{ url: string | null; drop(): Promise<void> }> {
  if (!BASE) return { url: null, drop: async () => {} };
  const name = `sonae_cards_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(BASE);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: BASE });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const rate = (n: number, msElapsed: number) => Math.round(n / (msElapsed / 1000));

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "sonae-cards-bench-"));
  const db = await scratch();
  const handle = await createDb(db.url ? { databaseUrl: db.url } : { inMemory: true });
  try {
    await seedHubUnits(handle.db, ctx);
    const keys = loadCardKeys(dir, {});
    const csvPath = join(dir, "cards.csv");
    writeFileSync(csvPath, generateCsv(N));
    console.log(
      `bench:cards N=${N} on ${handle.kind}, load average ${loadavg()[0]!.toFixed(1)} before the run`,
    );

    // Reference: the same file, parsed the same way, inserted as plain text (no validation, no crypto).
    await handle.db.execute(
      sql`CREATE TABLE bench_cards_plain (pan text PRIMARY KEY, expiry boolean, cvc boolean)`,
    );
    let started = performance.now();
    {
      const rows = parse(readFileSync(csvPath, "utf8"), { bom: true, from_line: 2 }) as string[][];
      for (let i = 0; i < rows.length; i += FILE_LINES) {
        const file = rows.slice(i, i + FILE_LINES);
        await handle.db.transaction(async (tx) => {
          for (let j = 0; j < file.length; j += 5000) {
            const part = file.slice(j, j + 5000);
            await tx.execute(sql`INSERT INTO bench_cards_plain SELECT * FROM unnest(
              ${pgArray(part.map((r) => r[0]!.replace(/[^0-9]/g, "")))}::text[], ${pgArray(part.map((r) => !!r[1]))}::boolean[],
              ${pgArray(part.map((r) => !!r[2]))}::boolean[]) ON CONFLICT DO NOTHING`);
          }
        });
      }
    }
    const referenceMs = performance.now() - started;

    // The CPU part alone (validate, brand, HMAC, seal; no database), to see where the time goes.
    started = performance.now();
    {
      const rows = parse(readFileSync(csvPath, "utf8"), { bom: true, from_line: 2 }) as string[][];
      const lines: CardLine[] = rows.map((r, j) => ({
        line: j + 2,
        raw: r[0]!,
        fromNumberCell: false,
        exposure: {},
        expiryDamaged: false,
      }));
      prepareCardLines(
        keys,
        "bench-cpu",
        lines,
        {
          exposure: { expiry: false, cvc: false, holder: false, threeDs: false },
          source: { kind: "seized_dataset", ref: "bench" },
          learnedOn: "2026-12-01",
        },
        "ja",
      );
    }
    const cpuMs = performance.now() - started;

    // The protected path: what POST /api/hub/cards/imports does after reading the file.
    started = performance.now();
    let accepted = 0;
    {
      const rows = parse(readFileSync(csvPath, "utf8"), { bom: true, from_line: 2 }) as string[][];
      for (let i = 0; i < rows.length; i += FILE_LINES) {
        const lines: CardLine[] = rows.slice(i, i + FILE_LINES).map((r, j) => ({
          line: i + j + 2,
          raw: r[0]!,
          fromNumberCell: false,
          exposure: { expiry: !!r[1], cvc: !!r[2] },
          expiryDamaged: false,
        }));
        const result = await importCards(handle.db, keys, ctx, {
          unitId: 13,
          kind: "csv",
          lines,
          defaults: {
            exposure: { expiry: false, cvc: false, holder: false, threeDs: false },
            source: { kind: "seized_dataset", ref: "bench" },
            learnedOn: "2026-12-01",
          },
          lang: "ja",
        });
        accepted += result.accepted;
      }
    }
    const importMs = performance.now() - started;
    if (accepted !== N) throw new Error(`accepted ${accepted} of ${N}`);

    // De-dup look-up by keyed hash (the query behind "duplicate"): half present, half absent.
    const times: number[] = [];
    for (let i = 0; i < LOOKUPS; i++) {
      const body = `${i % 2 ? "411111" : "422222"}${String(Math.floor(Math.random() * N)).padStart(9, "0")}`;
      const h = panHmac(keys, `${body}${checkDigit(body)}`);
      const t0 = performance.now();
      await handle.db.execute(sql`SELECT 1 FROM hub_card_entries WHERE pan_hmac = ${h}`);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);

    // Batch build per brand.
    const builds: string[] = [];
    for (const brand of ["visa", "mastercard", "jcb"] as const) {
      await setCardRecipient(handle.db, ctx, {
        brand,
        name: brand,
        publicKeyArmored: (await brandKeyPair(brand)).publicKey,
      });
      const t0 = performance.now();
      const batch = await buildBrandBatch(handle.db, keys, ctx, brand);
      const took = performance.now() - t0;
      builds.push(
        `${brand} ${batch?.manifest.count ?? 0} numbers in ${(took / 1000).toFixed(2)} s (${rate(batch?.manifest.count ?? 0, took)}/s)`,
      );
    }

    const ratio = importMs / referenceMs;
    console.log(
      `import (validate, brand, HMAC, seal, insert): ${rate(N, importMs)} numbers/s (${(importMs / 1000).toFixed(2)} s)`,
    );
    console.log(
      `reference (same parse, plain insert):        ${rate(N, referenceMs)} numbers/s (${(referenceMs / 1000).toFixed(2)} s); protected takes ${ratio.toFixed(2)}× the reference's time`,
    );
    console.log(
      `of which CPU alone (parse, validate, brand, HMAC, seal; no database): ${rate(N, cpuMs)} numbers/s (${(cpuMs / 1000).toFixed(2)} s)`,
    );
    console.log(
      `dedup look-up (${LOOKUPS}): p50 ${pct(times, 50)!.toFixed(3)} ms, p99 ${pct(times, 99)!.toFixed(3)} ms`,
    );
    for (const b of builds) console.log(`batch build: ${b}`);
    console.log(
      `peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; load average ${loadavg()[0]!.toFixed(1)} after`,
    );
  } finally {
    await handle.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
