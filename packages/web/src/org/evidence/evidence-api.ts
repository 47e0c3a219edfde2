import type { ErrorBody, TEvidenceBundle } from "@sonae/core";
import { ApiError } from "../../api/client";
import i18n from "../../i18n";

/** Base path of one incident's evidence. */
export const evidencePath = (incidentId: string) => `/api/incidents/${incidentId}/evidence`;

/**
 * Uploads a bundle with XMLHttpRequest rather than fetch: only XHR reports upload progress, which
 * matters for bundles of several GiB. Same CSRF header and error shape as the api() client.
 */
export function uploadBundle(
  incidentId: string,
  file: File,
  csrfToken: string,
  onProgress: (fraction: number) => void,
): Promise<TEvidenceBundle> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", evidencePath(incidentId));
    xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.setRequestHeader("accept-language", i18n.language);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", i18n.t("errors.network")));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as TEvidenceBundle);
      const err = (data as ErrorBody | null)?.error;
      reject(
        new ApiError(
          xhr.status,
          err?.code ?? "INTERNAL",
          err?.message ?? i18n.t("errors.unknown"),
          err?.field,
        ),
      );
    };
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
}

/** Bytes for people: KiB/MiB/GiB with one decimal. */
export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** An instant in Japan time (JST, UTC+9, no daylight saving), e.g. 2026/11/22 09:15:02 JST. */
export function formatJst(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toLocaleString("ja-JP", { timeZone: "Asia/Tokyo", hour12: false })} JST`;
}
