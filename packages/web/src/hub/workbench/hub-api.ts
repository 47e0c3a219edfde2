import type { THubAlert, THubCaseDetail, THubCaseSummary, THubMe, THubRelatedCase } from "@sonae/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { formatDateTime } from "../../i18n/format";

/** Server mode from /api/health: a hub shows the police screens, an organisation the "report to the police" page. */
export function useServerMode() {
  return useQuery({
    queryKey: ["health-mode"],
    queryFn: async () => (await api<{ mode: "hub" | "organisation" }>("GET", "/api/health")).mode,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const useHubMe = () =>
  useQuery({ queryKey: ["hub", "me"], queryFn: () => api<THubMe>("GET", "/api/hub/me") });

export const useHubCases = () =>
  useQuery({ queryKey: ["hub", "cases"], queryFn: () => api<THubCaseSummary[]>("GET", "/api/hub/cases") });

export const useHubCase = (id: string) =>
  useQuery({
    queryKey: ["hub", "case", id],
    queryFn: () => api<THubCaseDetail>("GET", `/api/hub/cases/${id}`),
  });

export const useHubAlerts = (enabled: boolean) =>
  useQuery({
    queryKey: ["hub", "alerts"],
    queryFn: () => api<THubAlert[]>("GET", "/api/hub/alerts"),
    enabled,
  });

export const useRelatedCases = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ["hub", "related", id],
    queryFn: () => api<THubRelatedCase[]>("GET", `/api/hub/cases/${id}/related`),
    enabled,
  });

/** Date and time in Japan time and the UI language (not the browser's locale, which may differ). */
export function formatWhen(iso: string | null | undefined): string {
  return formatDateTime(iso);
}
