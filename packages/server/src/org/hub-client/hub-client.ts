import {
  createPrivateKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  randomUUID,
  sign,
} from "node:crypto";
import {
  canonicalJson,
  type THubReceipt,
  type THubReporterView,
  type THubSignedRequest,
  unitIdOfPrefecture,
  ZHubReceipt,
  ZHubReporterView,
} from "@sonae/core";
import type { TReportPackageInput } from "@sonae/documents";
import { solveEnrolmentProof, solveEnrolmentProofSync } from "./enrolment-proof";

/** An organisation's Ed25519 key pair: private key as PKCS#8 PEM, public key raw 32 bytes base64url. */
export type HubOrgKeyPair = { privateKeyPem: string; publicKey: string };

/** Creates the organisation key pair used to sign submissions to a hub. Keep the private key in the data folder (0600). */
export function generateHubOrgKeyPair(): HubOrgKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const jwk = publicKey.export({ format: "jwk" });
  return {
    privateKeyPem: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    publicKey: String(jwk.x),
  };
}

function keyOf(privateKey: string | KeyObject): KeyObject {
  return typeof privateKey === "string" ? createPrivateKey(privateKey) : privateKey;
}

/** Signs canonical JSON of `body` (with a fresh nonce and the current time) as the hub expects. */
export function signHubRequest(
  body: Record<string, unknown>,
  privateKey: string | KeyObject,
): THubSignedRequest {
  const key = keyOf(privateKey);
  const text = canonicalJson({
    ...body,
    nonce: randomBytes(18).toString("base64url"),
    timestamp: new Date().toISOString(),
  });
  const publicJwk = createPublicFromPrivate(key);
  return {
    publicKey: publicJwk,
    body: text,
    signature: sign(null, Buffer.from(text), key).toString("base64url"),
    // A hub that does not know this key yet asks for it; cached per key, so solved only once.
    enrolmentProof: solveEnrolmentProofSync(publicJwk),
  };
}

const publicOf = new WeakMap<KeyObject, string>();

/** Raw public key (base64url) of a private key; exporting a JWK per request would dominate signing. */
function createPublicFromPrivate(key: KeyObject): string {
  let x = publicOf.get(key);
  if (!x) {
    x = String(key.export({ format: "jwk" }).x);
    publicOf.set(key, x);
  }
  return x;
}

export class HubClientError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`hub answered ${status}: ${body.slice(0, 300)}`);
    this.name = "HubClientError";
  }
}

async function post(
  url: string,
  body: unknown,
  fetchImpl: typeof fetch,
): Promise<{ status: number; json: unknown }> {
  const res = await fetchImpl(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (!res.ok) throw new HubClientError(res.status, text);
  return { status: res.status, json: JSON.parse(text) };
}

export type SubmitReportOptions = {
  /** Base URL of the hub, e.g. https://hub.example.jp (HTTPS in production). */
  hubUrl: string;
  /** The report package (documents' ZReportPackageModel; the hub validates it). */
  payload: TReportPackageInput;
  privateKey: string | KeyObject;
  /** Defaults to the package's organisation name. */
  orgName?: string;
  /** JIS X 0401 code "01"–"47" of the police to receive it; defaults to the package's organisation prefecture. */
  prefectureCode?: string;
  /** Evidence manifests (from `sonae preserve`) to include. */
  evidenceManifests?: Record<string, unknown>[];
  /** Keep the same id when retrying: the hub then returns the original receipt instead of a duplicate. */
  submissionId?: string;
  fetchImpl?: typeof fetch;
};

/**
 * "Report to the police": sends the signed report package to the hub and returns the receipt
 * (reference number). Retries up to 3 times on network errors and 5xx with the same submissionId,
 * so a lost answer never creates a second report.
 */
export async function submitReportToHub(
  options: SubmitReportOptions,
): Promise<THubReceipt & { submissionId: string }> {
  const submissionId = options.submissionId ?? randomUUID();
  const orgName = options.orgName ?? options.payload.organisation.name;
  const unit = options.prefectureCode ?? unitIdOfPrefecture(options.payload.organisation.prefecture);
  if (unit === undefined)
    throw new Error("prefectureCode is required: the package's prefecture is not a JIS X 0401 code or name");
  const prefectureCode = String(unit).padStart(2, "0");
  const fetchImpl = options.fetchImpl ?? fetch;
  // Solved here without blocking the event loop; signHubRequest then finds it cached.
  await solveEnrolmentProof(createPublicFromPrivate(keyOf(options.privateKey)));
  let lastError: unknown;
  for (let attempt = 0; attempt < 4; attempt++) {
    const request = signHubRequest(
      {
        type: "submission",
        submissionId,
        orgName,
        prefectureCode,
        payload: options.payload,
        ...(options.evidenceManifests ? { evidenceManifests: options.evidenceManifests } : {}),
      },
      options.privateKey,
    );
    try {
      const { json } = await post(
        `${options.hubUrl.replace(/\/$/, "")}/hub-api/v1/submissions`,
        request,
        fetchImpl,
      );
      return { ...ZHubReceipt.parse(json), submissionId };
    } catch (error) {
      lastError = error;
      if (error instanceof HubClientError && error.status < 500) throw error;
      await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
    }
  }
  throw lastError;
}

/** Status and messages of a submission, as the police share them with the reporter. */
export async function fetchHubCaseStatus(options: {
  hubUrl: string;
  reference: string;
  privateKey: string | KeyObject;
  fetchImpl?: typeof fetch;
}): Promise<THubReporterView> {
  const request = signHubRequest({ type: "status", reference: options.reference }, options.privateKey);
  const { json } = await post(
    `${options.hubUrl.replace(/\/$/, "")}/hub-api/v1/cases`,
    request,
    options.fetchImpl ?? fetch,
  );
  return ZHubReporterView.parse(json);
}

/** The organisation answers the police (or adds information) on its submission. */
export async function replyToHubCase(options: {
  hubUrl: string;
  reference: string;
  message: string;
  privateKey: string | KeyObject;
  fetchImpl?: typeof fetch;
}): Promise<THubReporterView> {
  const request = signHubRequest(
    { type: "reply", reference: options.reference, message: options.message },
    options.privateKey,
  );
  const { json } = await post(
    `${options.hubUrl.replace(/\/$/, "")}/hub-api/v1/cases`,
    request,
    options.fetchImpl ?? fetch,
  );
  return ZHubReporterView.parse(json);
}
