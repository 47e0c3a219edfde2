import type { THubCardBatch, THubCardEntry } from "@sonae/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";

export type CardDashboard = {
  scope: "national" | "unit";
  waiting: { brand: string; count: number; oldestLearnedOn: string | null; oldestAgeHours: number }[];
  totalWaiting: number;
};
export type CardRecipient = {
  id: string;
  brand: string;
  name: string;
  fingerprint: string;
  active: boolean;
  createdAt: string;
};

export const useCardRights = () =>
  useQuery({
    queryKey: ["hub", "cards", "me"],
    queryFn: () => api<{ rights: string[] }>("GET", "/api/hub/cards/me"),
  });
export const useCardEntries = (status: string) =>
  useQuery({
    queryKey: ["hub", "cards", "entries", status],
    queryFn: () =>
      api<{ items: THubCardEntry[] }>("GET", `/api/hub/cards/entries?status=${status}&limit=200`),
  });
export const useCardDashboard = () =>
  useQuery({
    queryKey: ["hub", "cards", "dashboard"],
    queryFn: () => api<CardDashboard>("GET", "/api/hub/cards/dashboard"),
  });
export const useCardBatches = (enabled: boolean) =>
  useQuery({
    queryKey: ["hub", "cards", "batches"],
    enabled,
    queryFn: () => api<THubCardBatch[]>("GET", "/api/hub/cards/batches"),
  });
export const useCardRecipients = (enabled: boolean) =>
  useQuery({
    queryKey: ["hub", "cards", "recipients"],
    enabled,
    queryFn: () => api<CardRecipient[]>("GET", "/api/hub/cards/recipients"),
  });
