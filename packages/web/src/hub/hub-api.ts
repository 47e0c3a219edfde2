import type { THubAlert, THubCaseDetail, THubCaseSummary, THubMe, THubRelatedCase } from "@sonae/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../api/client";

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
