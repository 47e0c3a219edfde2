import type { ErrorBody } from "@sonae/core";
import i18n from "../i18n";

/** An API failure with the server's code and localised message (the one error shape). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

let csrfToken = "";
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/**
 * The one way the web app talks to the server: JSON in and out, the CSRF token on every
 * state-changing request, the UI language as Accept-Language so error messages match.
 */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { "accept-language": i18n.language };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET") headers["x-csrf-token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "NETWORK", i18n.t("errors.network"));
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const err = (data as ErrorBody | null)?.error;
    throw new ApiError(
      res.status,
      err?.code ?? "INTERNAL",
      err?.message ?? i18n.t("errors.unknown"),
      err?.field,
    );
  }
  return data as T;
}

/** A file from the server (a built collector kit): the bytes, the name it was sent under, its headers. */
export async function apiDownload(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ blob: Blob; fileName: string; headers: Headers }> {
  const headers: Record<string, string> = { "accept-language": i18n.language };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET") headers["x-csrf-token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "NETWORK", i18n.t("errors.network"));
  }
  if (!res.ok) {
    const err = ((await res.json().catch(() => null)) as ErrorBody | null)?.error;
    throw new ApiError(
      res.status,
      err?.code ?? "INTERNAL",
      err?.message ?? i18n.t("errors.unknown"),
      err?.field,
    );
  }
  const disposition = res.headers.get("content-disposition") ?? "";
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "download";
  return { blob: await res.blob(), fileName, headers: res.headers };
}
