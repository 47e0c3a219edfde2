import { Button, Card, MultiSelect, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TUser } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";

type Team = { members: { userId: string }[] };

/** Admins choose who (besides admins) may see incidents: everyone else gets "not found". */
export function IncidentTeamCard() {
  const { t } = useTranslation("incidents");
  const client = useQueryClient();
  const users = useQuery({
    queryKey: ["users"],
    queryFn: () => api<{ users: TUser[] }>("GET", "/api/users"),
  });
  const team = useQuery({
    queryKey: ["incident-team"],
    queryFn: () => api<Team>("GET", "/api/incidents/team"),
  });
  const [selected, setSelected] = useState<string[]>([]);
  useEffect(() => setSelected(team.data?.members.map((m) => m.userId) ?? []), [team.data]);
  const save = useMutation({
    mutationFn: () => api<Team>("PUT", "/api/incidents/team", { userIds: selected }),
    onSuccess: (data) => {
      client.setQueryData(["incident-team"], data);
      notifications.show({ color: "green", message: t("saved") });
    },
  });
  const options = (users.data?.users ?? [])
    .filter((u) => u.role !== "admin" && !u.isDisabled)
    .map((u) => ({ value: u.id, label: `${u.displayName} <${u.email}>` }));
  return (
    <Card withBorder>
      <Title order={3} size="h5">
        {t("team.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("team.help")}
      </Text>
      <MultiSelect
        label={t("team.members")}
        data={options}
        value={selected}
        onChange={setSelected}
        searchable
        mt="xs"
      />
      <FormError error={users.error ?? team.error ?? save.error} />
      <Button size="xs" mt="xs" onClick={() => save.mutate()} loading={save.isPending}>
        {t("save")}
      </Button>
    </Card>
  );
}
