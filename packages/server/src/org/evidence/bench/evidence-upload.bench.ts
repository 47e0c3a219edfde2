/**
 * Upload benchmark: a real bundle (every EVTX sample in shared/data/evtx) sent over a listening
 * HTTP server as multipart, streamed to the vault, checked for traversal/zip bombs, fully verified
 * (signature, every file hash, custody chain) and linked into place. Reference in the same run:
 * what a person would do by hand to check the same file, `sha256sum` + `unzip -tq` (CRC of every
 * entry). Run: npx tsx packages/server/src/org/evidence/bench/evidence-upload.bench.ts
 */
import { execFileSync } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { preserveEvidence } from "@sonae/evidence";
import { setupPayload } from "../../../testing/test-app";
import { buildEvidenceTestApp } from "../testing/evidence-fixtures";

const EVTX = path.resolve(import.meta.dirname, "../../../../../../../shared/data/evtx");
const dir = await mkdtemp(path.join(tmpdir(), "sonae-evidence-bench-"));
const bundle = path.join(dir, "bundle.zip");
await preserveEvidence({
  paths: [EVTX],
  caseId: "BENCH",
  examiner: "bench",
  outPath: bundle,
  keyDir: path.join(dir, "keys"),
  ntpServer: null,
});
const size = (await stat(bundle)).size;
const t = await buildEvidenceTestApp(path.join(dir, "data"));
const base = await t.app.listen({ port: 0, host: "127.0.0.1" });

const jar = new Map<string, string>();
async function call(method: string, url: string, body?: unknown, csrf?: string) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      ...(body ? { "content-type": "application/json" } : {}),
      ...(csrf ? { "x-csrf-token": csrf } : {}),
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const [k, v] = (pair ?? "").split("=");
    if (k) jar.set(k, v ?? "");
  }
  return res;
}
const token = async () =>
  ((await (await call("GET", "/api/session")).json()) as { csrfToken: string }).csrfToken;
const payload = setupPayload();
await call("POST", "/api/setup", payload, await token());
await call(
  "POST",
  "/api/auth/login",
  { email: payload.admin.email, password: payload.admin.password },
  await token(),
);
const csrf = await token();
const incident = (await (
  await call("POST", "/api/incidents", { symptoms: ["files_encrypted"] }, csrf)
).json()) as { id: string };

function upload(): Promise<number> {
  const boundary = "----sonaebench";
  return new Promise((resolve, reject) => {
    const req = request(`${base}/api/incidents/${incident.id}/evidence`, {
      method: "POST",
      headers: {
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "x-csrf-token": csrf,
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
      },
    });
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.zip"\r\n\r\n`);
    const file = createReadStream(bundle);
    file.pipe(req, { end: false });
    file.on("end", () => req.end(`\r\n--${boundary}--\r\n`));
  });
}

const mib = size / 1024 ** 2;
let start = performance.now();
const status = await upload();
const ours = (performance.now() - start) / 1000;
if (status !== 201) throw new Error(`upload answered ${status}`);
start = performance.now();
execFileSync("sha256sum", [bundle]);
execFileSync("unzip", ["-tq", bundle]);
const reference = (performance.now() - start) / 1000;
console.log(`bundle: ${mib.toFixed(1)} MiB (${path.basename(EVTX)}: all samples)`);
console.log(
  `sonae HTTP upload + zip safety + full verify + store: ${ours.toFixed(2)} s, ${(mib / ours).toFixed(1)} MiB/s`,
);
console.log(
  `reference sha256sum + unzip -tq (check only, no upload): ${reference.toFixed(2)} s, ${(mib / reference).toFixed(1)} MiB/s`,
);
console.log(`ratio sonae / reference time: ${(ours / reference).toFixed(2)}x`);
await t.close();
await rm(dir, { recursive: true, force: true });
