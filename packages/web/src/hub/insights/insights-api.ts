import type { THubAdvisory, THubAdvisoryInput, THubStats } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";

export const useHubStats = (from: string, to: string) =>
  useQuery({
    queryKey: ["hub", "stats", from, to],
    queryFn: () => api<THubStats>("GET", `/api/hub/stats?from=${from}&to=${to}`),
    enabled: Boolean(from && to),
  });

export const useUnitAdvisories = () =>
  useQuery({
    queryKey: ["hub", "advisories"],
    queryFn: () => api<THubAdvisory[]>("GET", "/api/hub/advisories"),
  });

export function usePublishAdvisory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: THubAdvisoryInput) => api<THubAdvisory>("POST", "/api/hub/advisories", input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["hub", "advisories"] }),
  });
}

export function useWithdrawAdvisory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<THubAdvisory>("POST", `/api/hub/advisories/${id}/withdraw`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["hub", "advisories"] }),
  });
}
