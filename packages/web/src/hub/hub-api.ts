import type { THubAlert, THubCaseDetail, THubMe, THubQueuePage, THubRelatedCase } from "@sonae/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../api/client";

export const useHubMe = () =>
  useQuery({ queryKey: ["hub", "me"], queryFn: () => api<THubMe>("GET", "/api/hub/me") });

/** The queue filters as the API takes them (GET /api/hub/cases); empty values are left out. */
export type QueueParams = Partial<
  Record<"cursor" | "sort" | "dir" | "q" | "status" | "sla" | "kind" | "unitId" | "key", string>
>;

export const useHubQueue = (params: QueueParams) =>
  useQuery({
    queryKey: ["hub", "cases", params],
    queryFn: () => {
      const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v) as [string, string][]);
      return api<THubQueuePage>("GET", `/api/hub/cases?${query}`);
    },
    placeholderData: (previous) => previous,
  });

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

/** The alert of one case for the officer's unit (empty when the case raised none there). */
export const useCaseAlerts = (reportId: string, enabled: boolean) =>
  useQuery({
    queryKey: ["hub", "alerts", reportId],
    queryFn: () => api<THubAlert[]>("GET", `/api/hub/alerts?reportId=${encodeURIComponent(reportId)}`),
    enabled,
  });

/** Members of the owning unit and of the national unit: whom the case may be assigned to. */
export const useCaseAssignees = (id: string) =>
  useQuery({
    queryKey: ["hub", "assignees", id],
    queryFn: () =>
      api<{ userId: string; displayName: string; email: string; unitId: number }[]>(
        "GET",
        `/api/hub/cases/${id}/assignees`,
      ),
  });

export const useRelatedCases = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ["hub", "related", id],
    queryFn: () => api<THubRelatedCase[]>("GET", `/api/hub/cases/${id}/related`),
    enabled,
  });
