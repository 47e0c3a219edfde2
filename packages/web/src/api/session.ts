import type { TSessionResponse } from "@sonae/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api, setCsrfToken } from "./client";

export const SESSION_KEY = ["session"] as const;

/** The current session; also refreshes the CSRF token the client sends. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      const session = await api<TSessionResponse>("GET", "/api/session");
      setCsrfToken(session.csrfToken);
      return session;
    },
    staleTime: 60_000,
  });
}

export function useRefreshSession() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: SESSION_KEY });
}
