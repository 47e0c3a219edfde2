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

/** Date and time in Japan time and the UI language (not the browser's locale, which may differ). */
export function formatWhen(iso: string | null | undefined): string {
  return formatDateTime(iso);
}
