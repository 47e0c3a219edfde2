import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeNote, MAX_LINE_CHARS, MAX_NOTE_BYTES } from "../src/text/decode-note";
import { notePath } from "./paths";

const read = (rel: string) => new Uint8Array(readFileSync(notePath(rel)));

describe("decodeNote on real notes", () => {
  it("decodes a UTF-16LE note with BOM (GandCrab)", () => {
    const d = decodeNote(read("gandcrab/RFNCW-DECRYPT.txt"));
    expect(d.encoding).toBe("utf-16le");
    expect(d.text).toContain("GANDCRAB V5.0.4");
    expect(d.text).not.toContain("\u0000");
  });

  it("detects UTF-16LE without a BOM (SafePay) from its NUL pattern", () => {
    const bytes = read("safepay/readme_safepay.txt");
    expect(bytes[0] === 0xff && bytes[1] === 0xfe).toBe(false);
    const d = decodeNote(bytes);
    expect(d.encoding).toBe("utf-16le");
    expect(d.text).toContain("SafePay team");
  });

  it("survives kilobytes of NUL padding inside a note (BrainCipher)", () => {
    const d = decodeNote(read("braincipher/How To Restore Your Files.txt"));
    expect(d.looksBinary).toBe(false);
    expect(d.text).toContain("In order for it to be successful");
  });

  it("strips script, tags and entities from an HTA note without running anything (8Base)", () => {
    const raw = readFileSync(notePath("8base/8base_note.hta.txt"), "utf8");
    expect(raw).toMatch(/<script/i);
    const d = decodeNote(read("8base/8base_note.hta.txt"));
    expect(d.wasHtml).toBe(true);
    expect(d.text).toContain("Dear Management");
    expect(d.text).not.toMatch(/<script|<\/?(div|html|body)\b|function\s*\(/i);
  });

  it("keeps the visible text of an HTML note with script and stays UTF-8 (SunCrypt, Japanese inside)", () => {
    const d = decodeNote(read("suncrypt/suncrypt.html.txt"));
    expect(d.encoding).toBe("utf-8");
    expect(d.wasHtml).toBe(true);
    expect(d.text).toContain("your private data will be published");
    // The message itself lives in script strings (translations); read as text, never run.
    expect(d.text).toContain("We got your documents and files encrypted");
    expect(d.text).toContain("ドキュメントとファイルを暗号化しました");
    expect(d.text).not.toMatch(/<script|<h2>|<a href/i);
  });
});

describe("decodeNote on hostile input", () => {
  it("caps a 10 MB single line quickly", () => {
    const huge = "A".repeat(10 * 1024 * 1024);
    const start = performance.now();
    const d = decodeNote(new TextEncoder().encode(huge));
    expect(performance.now() - start).toBeLessThan(3000);
    expect(d.wasTruncated).toBe(true);
    expect(d.text.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
  });

  it("turns random binary into short printable runs, flagged as binary", () => {
    let seed = 42;
    const bytes = new Uint8Array(200_000).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 0xff;
    });
    const d = decodeNote(bytes);
    expect(d.looksBinary).toBe(true);
    expect(d.text.length).toBeLessThan(bytes.length);
    const controls = [...d.text].filter((ch) => ch.charCodeAt(0) < 0x20 && ch !== "\n" && ch !== "\t");
    expect(controls).toEqual([]);
  });

  it("handles ZIP bytes (local file header) without throwing", () => {
    // A local file header (PK\x03\x04), a stored name, then deflate-like noise.
    const zip = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    zip.set([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0], 0);
    zip.set(new TextEncoder().encode("README-invoice.txt"), 30);
    const d = decodeNote(zip);
    expect(d.looksBinary).toBe(true);
    expect(d.text).toContain("README-invoice.txt");
  });

  it("never returns markup: script, event handlers and encoded tags end up as inert text", () => {
    const note = `<html><body onload="alert(1)"><script>fetch('http://x.onion')</script>
      <style>body{display:none}</style><p>Your files are encrypted</p>
      <a href="http://abc.onion">contact</a> &lt;img src=x onerror=alert(1)&gt;<iframe src="x"></iframe></body></html>`;
    const d = decodeNote(note);
    expect(d.text).toContain("Your files are encrypted");
    expect(d.text).not.toMatch(/<script|<style|<a |<iframe|onload=|fetch\(/i);
    // Entity-encoded markup becomes literal text; the UI must render text, never HTML.
    expect(d.text).toContain("<img src=x onerror=alert(1)>");
  });

  it.each([
    ["unclosed script tags", "<script>".repeat(130_000)],
    ["unclosed comments", "<!--".repeat(250_000)],
    ["unclosed block tags", "<p ".repeat(330_000)],
    ["closing tags only", "</script>".repeat(110_000)],
  ])("stays linear on %s (1 MiB of crafted HTML)", (_label, body) => {
    const start = performance.now();
    const d = decodeNote(`<html><body>${body}</body></html>`);
    expect(performance.now() - start).toBeLessThan(3000);
    expect(d.text).not.toMatch(/<script/i);
  });

  it("truncates input over 1 MiB and drops control and bidi characters", () => {
    const d = decodeNote(`abc\u202Edef\u0007 ${"x".repeat(MAX_NOTE_BYTES + 10)}`);
    expect(d.wasTruncated).toBe(true);
    expect(d.text.startsWith("abcdef")).toBe(true);
  });
});
