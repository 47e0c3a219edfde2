import { notifications } from "@mantine/notifications";
import type { TIncidentDetail } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";

export const incidentKey = (id: string) => ["incident", id] as const;

/** The whole incident (one audited view on the server). */
export function useIncident(id: string) {
  return useQuery({
    queryKey: incidentKey(id),
    queryFn: () => api<TIncidentDetail>("GET", `/api/incidents/${id}`),
  });
}

/** A change to the incident: on success the incident is reloaded and a "saved" notice shown. */
export function useIncidentChange<TBody>(id: string, method: string, path: (body: TBody) => string) {
  const { t } = useTranslation("incidents");
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api<unknown>(method, path(body), body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: incidentKey(id) });
      await client.invalidateQueries({ queryKey: ["incidents"] });
      notifications.show({ color: "green", message: t("saved") });
    },
  });
}
