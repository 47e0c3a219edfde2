import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTextLog } from "../src/textlog/parse-text-log";
import type { TextLogProblem } from "../src/textlog/read-text-lines";
import { triageFiles } from "../src/timeline/build-timeline";
import { LOGS } from "./support/corpus";

/** Real lines from the corpus, re-encoded the way Windows tools and Japanese devices write them. */
const SSHD = readFileSync(`${LOGS}/crowdsec-hub-tests/ssh-bf/ssh-bf.log`, "utf8");
const FORTIGATE = readFileSync(`${LOGS}/crowdsec-hub-tests/fortinet-vpn-bf/fortinet-vpn-bf.log`, "utf8");
const opts = { year: 2024 };
let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sonae-textlog-test-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, bytes: Buffer | string): Promise<string> {
  const target = path.join(dir, name);
  await writeFile(target, bytes);
  return target;
}

function utf16be(text: string): Buffer {
  return Buffer.from(text, "utf16le").swap16();
}

describe("text-log encodings", () => {
  it("a UTF-8 BOM does not cost the first line", async () => {
    const plain = await parseTextLog(await file("plain.log", SSHD), opts);
    const bom = await parseTextLog(await file("bom.log", `\uFEFF${SSHD}`), opts);
    expect(bom).toEqual(plain);
    expect(bom[0]).toMatchObject({ lineNumber: 1, user: "pascal" });
  });

  it("UTF-16LE and UTF-16BE, with and without BOM, give the same events as UTF-8", async () => {
    const plain = await parseTextLog(await file("u8.log", SSHD), opts);
    expect(plain.length).toBeGreaterThan(0);
    const variants = [
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SSHD, "utf16le")]),
      Buffer.from(SSHD, "utf16le"),
      Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(SSHD)]),
      utf16be(SSHD),
    ];
    for (const [i, bytes] of variants.entries())
      expect(await parseTextLog(await file(`u16-${i}.log`, bytes), opts)).toEqual(plain);
  });

  it("Shift_JIS (CP932) user names come out as Japanese, not mojibake", async () => {
    // 「テスト」 and 「髙橋」 (髙 exists only in CP932's NEC/IBM extensions) in Shift_JIS bytes.
    const line = FORTIGATE.split("\n")[1] as string;
    const [before, after] = line.split('user="sapservicecq1"') as [string, string];
    const sjis = Buffer.concat([
      Buffer.from(`${before}user="`),
      Buffer.from([0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0xfb, 0xfc, 0x8b, 0xb4]),
      Buffer.from(`"${after}\r\n`),
    ]);
    const [entry] = await parseTextLog(await file("sjis.log", sjis), opts);
    expect(entry?.user).toBe("テスト髙橋");
  });

  it("a binary file is refused with a reason instead of yielding nothing silently", async () => {
    const problems: TextLogProblem[] = [];
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 151 + 17) & 0xff;
    const entries = await parseTextLog(await file("binary.log", bytes), {
      onProblem: (p) => problems.push(p),
    });
    expect(entries).toEqual([]);
    expect(problems).toEqual([{ reason: expect.stringContaining("unknown text encoding") }]);
  });
});

describe("text-log limits", () => {
  it("a line longer than the limit is cut and reported; the lines after it are still read", async () => {
    const problems: TextLogProblem[] = [];
    const path1 = await file("long.log", `${" ".repeat(3_000_000)}\n${SSHD}`);
    const entries = await parseTextLog(path1, { ...opts, onProblem: (p) => problems.push(p) });
    expect(entries[0]).toMatchObject({ lineNumber: 2, user: "pascal" });
    expect(problems).toEqual([{ lineNumber: 1, reason: expect.stringContaining("line longer than 65536") }]);
  });

  it("20 MB without a newline finishes, in bounded memory, with the cut reported", async () => {
    const big = await file("no-newline.log", Buffer.alloc(20 * 1024 ** 2, 0x61));
    const before = process.memoryUsage().heapUsed;
    const problems: TextLogProblem[] = [];
    expect(await parseTextLog(big, { onProblem: (p) => problems.push(p) })).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(16 * 1024 ** 2);
  });

  it("CRLF split across two reads is one line end", async () => {
    // 256 KiB reads: put the CR of a CRLF at the last byte of the first read.
    const first = `${"x".repeat(256 * 1024 - 1)}\r\n`;
    const entries = await parseTextLog(
      await file("crlf.log", `${first}${SSHD.replace(/\n/g, "\r\n")}`),
      opts,
    );
    expect(entries[0]).toMatchObject({ lineNumber: 2, user: "pascal" });
  });

  it("the per-file time limit stops reading and is recorded as a problem by triage", async () => {
    const big = await file("slow.log", SSHD.repeat(20_000));
    const result = await triageFiles([{ path: big, name: "slow.log", kind: "text" }], {
      countries: null,
      textLog: { ...opts, timeLimitMs: 0 },
    });
    expect(result.problems).toContainEqual({
      source: "slow.log",
      reason: expect.stringContaining("file time limit reached"),
    });
    expect(result.events.length).toBeLessThan(SSHD.split("\n").length * 20_000);
  });

  it("a text file with no recognised line is reported, not passed over", async () => {
    const result = await triageFiles(
      [{ path: await file("notes.txt", "hello\nworld\n"), name: "notes.txt", kind: "text" }],
      { countries: null },
    );
    expect(result.problems).toEqual([
      { source: "notes.txt", reason: expect.stringContaining("no recognised log lines") },
    ]);
  });
});
