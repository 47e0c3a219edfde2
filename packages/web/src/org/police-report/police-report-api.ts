import type { THubAdvisoryFeed } from "@sonae/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";

/** Organisation side: advisories fetched live from the police hub. */
export const useAdvisoryFeed = () =>
  useQuery({
    queryKey: ["hub-link", "advisories"],
    queryFn: () => api<THubAdvisoryFeed | null>("GET", "/api/hub-link/advisories"),
    retry: false,
  });
