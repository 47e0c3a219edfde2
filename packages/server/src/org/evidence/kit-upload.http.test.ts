import { generateKeyPairSync } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  issueKitConfig,
  KIT_UPLOAD_HEADERS,
  type KitConfig,
  KitUploadError,
  runCollection,
  sha256Hex,
  signKitUpload,
  uploadBundleToServer,
} from "@sonae/collector";
import { auditEvents, evidenceSignerKeys, users } from "@sonae/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDeps } from "../../app-deps";
import { setupAndLogin, signInNewUser, type TestClient } from "../../testing/test-app";
import { KIT_UPLOAD_EXPIRY_MS, KitUploadStore } from "./kit-upload-store";
import { buildEvidenceTestApp } from "./testing/evidence-fixtures";

const LOGS = path.resolve(
  import.meta.dirname,
  "../../../../../../shared/data/logs/wazuh-ruleset-tests/extracted-lines",
);
let dir: string;
let t: Awaited<ReturnType<typeof buildEvidenceTestApp>>;
let admin: TestClient;
let organisationId: string;
let adminUserId: string;
let baseUrl: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sonae-kit-upload-"));
  t = await buildEvidenceTestApp(path.join(dir, "data"));
  const setup = await setupAndLogin(t.app);
  admin = setup.client;
  organisationId = setup.organisation.id;
  const [user] = await t.db.db.select().from(users).where(eq(users.email, setup.admin.email));
  adminUserId = user?.id ?? "";
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const newIncident = async (client: TestClient) =>
  (await client.post("/api/incidents", { symptoms: ["files_encrypted"] })).json().id as string;

/** A kit for the incident, registered as the web form does (key kept, issued by the admin). */
async function issueKit(incidentId: string): Promise<KitConfig> {
  const config = issueKitConfig({
    platform: "linux-x64",
    incident: { id: incidentId, reference: "INC-TEST" },
    organisation: { name: "テスト組織" },
    issuedTo: "情報システム部 山田",
    targets: [],
    ntpServer: null,
    uploadUrl: baseUrl,
  });
  await t.db.db.insert(evidenceSignerKeys).values({
    organisationId,
    kind: "kit",
    fingerprint: config.fingerprint,
    publicKeyPem: config.publicKeyPem,
    label: config.kitId,
    kitId: config.kitId,
    incidentId,
    platform: "linux-x64",
    issuedTo: config.issuedTo,
    createdBy: adminUserId,
  });
  return config;
}

/** A real bundle made by the kit's collection code from real log files. */
async function collectWith(config: KitConfig, name: string) {
  const tree = path.join(dir, name, "logs");
  await mkdir(tree, { recursive: true });
  for (const file of (await readdir(LOGS)).sort().slice(0, 6))
    await copyFile(path.join(LOGS, file), path.join(tree, file));
  return runCollection({
    config: { ...config, extraPaths: [tree] },
    examiner: "鑑識 花子",
    outDir: path.join(dir, name, "usb"),
  });
}

const partials = async () =>
  (await readdir(path.join(dir, "data", "kit-uploads")).catch(() => [])).filter((n) => n.endsWith(".part"));

describe("kit upload back to the server", () => {
  it("uploads in chunks, resumes after an interruption, and the bundle is verified as collected by the kit", async () => {
    const incidentId = await newIncident(admin);
    const config = await issueKit(incidentId);
    const bundle = await collectWith(config, "resume");
    const chunkBytes = Math.ceil(bundle.bundleSize / 3);
    expect(bundle.bundleSize).toBeGreaterThan(2 * chunkBytes);

    const first = await uploadBundleToServer({
      config,
      bundlePath: bundle.bundlePath,
      sha256: bundle.sha256,
      chunkBytes,
      maxChunks: 1,
    });
    expect(first).toEqual({ status: "partial", offset: chunkBytes, size: bundle.bundleSize });
    const [part] = await partials();
    expect((await stat(path.join(dir, "data", "kit-uploads", part ?? ""))).size).toBe(chunkBytes);
    expect((await admin.get(`/api/incidents/${incidentId}/evidence`)).json()).toEqual([]);

    const sent: number[] = [];
    const second = await uploadBundleToServer({
      config,
      bundlePath: bundle.bundlePath,
      sha256: bundle.sha256,
      chunkBytes,
      onProgress: (offset) => sent.push(offset),
    });
    expect(second.status).toBe("complete");
    expect(sent[0]).toBe(2 * chunkBytes); // resumed after the first chunk, not from 0
    expect(await partials()).toEqual([]);

    const list = (await admin.get(`/api/incidents/${incidentId}/evidence`)).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      sha256: bundle.sha256,
      verified: true,
      signer: { status: "kit", kitId: config.kitId, issuedTo: "情報システム部 山田" },
    });
    const detail = (await admin.get(`/api/incidents/${incidentId}/evidence/${bundle.sha256}`)).json();
    const stored = detail.custody.find((c: { action: string }) => c.action === "vault.stored");
    expect(stored.actor).toMatch(
      new RegExp(`^kit:${config.kitId} \\(情報システム部 山田\\) issued by user:`),
    );
    expect(detail.custodyValid).toBe(true);

    const audit = await t.db.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organisationId, organisationId));
    const types = audit.map((a) => a.type);
    expect(types).toContain("evidence.kit_upload_completed");
    const starts = audit.filter((a) => a.type === "evidence.kit_upload_started");
    expect(starts.map((a) => (a.payload as { resumed: boolean }).resumed)).toEqual([false, true]);
  }, 60_000);

  it("refuses a forged signature, another kit's key and another organisation's incident", async () => {
    const incidentId = await newIncident(admin);
    const config = await issueKit(incidentId);
    const bundle = await collectWith(config, "refused");
    const attempt = (c: KitConfig) =>
      uploadBundleToServer({ config: c, bundlePath: bundle.bundlePath, sha256: bundle.sha256 }).then(
        () => "accepted",
        (error: unknown) => (error instanceof KitUploadError ? error.en : String(error)),
      );

    const forger = generateKeyPairSync("ed25519")
      .privateKey.export({ type: "pkcs8", format: "pem" })
      .toString();
    expect(await attempt({ ...config, signingKeyPem: forger })).toContain("HTTP 401");

    const otherKit = await issueKit(await newIncident(admin));
    expect(await attempt({ ...otherKit, incident: config.incident })).toContain("HTTP 403");

    // A second kit of the same incident may not deliver the first kit's bundle as its own.
    const sibling = await issueKit(incidentId);
    const siblingAnswer = await attempt(sibling);
    expect(siblingAnswer).toContain("HTTP 422");
    expect(siblingAnswer).toContain("EVIDENCE_REJECTED");

    const stranger = await signInNewUser(t.app, t.db.db, "admin");
    const foreignIncident = await newIncident(stranger.client);
    expect(await attempt({ ...config, incident: { id: foreignIncident, reference: "X" } })).toContain(
      "HTTP 403",
    );

    expect(await partials()).toEqual([]);
    expect((await admin.get(`/api/incidents/${incidentId}/evidence`)).json()).toEqual([]);
    expect((await stranger.client.get(`/api/incidents/${foreignIncident}/evidence`)).json()).toEqual([]);
    const refusals = await t.db.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.type, "evidence.kit_upload_refused"));
    expect(refusals.map((r) => (r.payload as { reason: string }).reason).sort()).toEqual([
      "bad_signature",
      "other_incident",
      "other_incident",
    ]);
  }, 60_000);

  it("limits size, refuses stale timestamps and chunks at the wrong offset, and removes expired partials", async () => {
    const incidentId = await newIncident(admin);
    const config = await issueKit(incidentId);
    const signed = (
      method: string,
      urlPath: string,
      offset: number,
      chunkSha256: string,
      at = new Date(),
    ) => {
      const timestamp = at.toISOString();
      return fetch(new URL(urlPath, baseUrl), {
        method,
        headers: {
          [KIT_UPLOAD_HEADERS.key]: config.fingerprint,
          [KIT_UPLOAD_HEADERS.timestamp]: timestamp,
          [KIT_UPLOAD_HEADERS.signature]: signKitUpload(config.signingKeyPem, {
            method,
            path: urlPath,
            offset,
            chunkSha256,
            timestamp,
          }),
          ...(method === "PUT" ? { "content-type": "application/octet-stream" } : {}),
        },
        body: method === "PUT" ? "abc" : undefined,
      });
    };
    const sha = sha256Hex("whole bundle");
    const start = (size: number, at?: Date) =>
      signed(
        "POST",
        `/api/kit-uploads/incidents/${incidentId}?size=${size}&sha256=${sha}&name=b.zip`,
        0,
        sha,
        at,
      );

    expect((await start(3 * 1024 ** 3)).status).toBe(413);
    expect((await start(10, new Date(Date.now() - 60 * 60 * 1000))).status).toBe(401);
    const started = await start(10);
    expect(started.status).toBe(201);
    const { uploadId } = (await started.json()) as { uploadId: string };
    const wrongOffset = await signed("PUT", `/api/kit-uploads/${uploadId}?offset=5`, 5, sha256Hex("abc"));
    expect(wrongOffset.status).toBe(409);
    expect((await signed("PUT", `/api/kit-uploads/${uploadId}?offset=0`, 0, sha256Hex("abc"))).status).toBe(
      200,
    );
    const status = await signed("GET", `/api/kit-uploads/${uploadId}`, 0, sha256Hex(""));
    expect(await status.json()).toMatchObject({ offset: 3, size: 10 });

    const store = new KitUploadStore({ config: { dataDir: path.join(dir, "data") } } as AppDeps);
    expect(await store.removeExpired(Date.now() + KIT_UPLOAD_EXPIRY_MS - 60_000)).toEqual([]);
    expect(await store.removeExpired(Date.now() + KIT_UPLOAD_EXPIRY_MS + 60_000)).toContain(uploadId);
    expect(await partials()).toEqual([]);
    expect((await signed("GET", `/api/kit-uploads/${uploadId}`, 0, sha256Hex(""))).status).toBe(404);
  });
});
