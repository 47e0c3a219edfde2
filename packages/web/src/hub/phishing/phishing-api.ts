import type { TPhishUrl, TPhishUrlDetail, TUrlPartner } from "@sonae/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";

export type UrlFilters = Partial<Record<"state" | "category" | "brand" | "q" | "cursor", string>>;

export const usePhishUrls = (filters: UrlFilters) =>
  useQuery({
    queryKey: ["hub", "urls", filters],
    queryFn: () => {
      const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]);
      return api<{ items: TPhishUrl[]; nextCursor: number | null }>("GET", `/api/hub/urls?${query}`);
    },
    placeholderData: (previous) => previous,
  });

export const usePhishUrl = (id: string) =>
  useQuery({
    queryKey: ["hub", "url", id],
    queryFn: () => api<TPhishUrlDetail>("GET", `/api/hub/urls/${id}`),
  });

export const useUrlPartners = () =>
  useQuery({
    queryKey: ["hub", "url-partners"],
    queryFn: () => api<TUrlPartner[]>("GET", "/api/hub/url-partners"),
  });

export const useUrlFeeds = () =>
  useQuery({
    queryKey: ["hub", "url-feeds"],
    queryFn: () => api<{ name: string; titleJa: string; titleEn: string }[]>("GET", "/api/hub/url-feeds"),
  });

export type DelistingRequest = {
  id: string;
  target: string;
  targetKind: "url" | "domain";
  contact: string;
  explanation: string;
  status: "pending" | "delisted" | "rejected";
  decisionReason: string | null;
  createdAt: string;
  listed: string[];
};
export const useDelistingRequests = () =>
  useQuery({
    queryKey: ["hub", "url-delisting"],
    queryFn: () => api<DelistingRequest[]>("GET", "/api/hub/url-delisting"),
  });

/**
 * Attacker URLs are shown as inert text, defanged so that a copy into a mail or chat does not
 * become a link either: "http" → "hxxp", every "." of the host → "[.]". Already defanged input
 * (as reporters often paste it) is left as it is.
 */
export function defang(url: string): string {
  const m = /^([a-z]+):\/\/([^/?#]*)(.*)$/i.exec(url);
  const dots = (host: string) => host.replace(/(?<!\[)\.(?!\])/g, "[.]");
  if (!m) return dots(url);
  return `${m[1]!.replace(/^http/i, "hxxp")}://${dots(m[2]!)}${m[3]}`;
}
