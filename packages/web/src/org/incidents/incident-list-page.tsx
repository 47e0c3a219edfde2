import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import type { TIncidentSummary } from "@sonae/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ApiError, api } from "../../api/client";
import { useSession } from "../../api/session";
import { FormError } from "../../components/form-error";
import { formatDateTime } from "./incident-format";
import { IncidentTeamCard } from "./incident-team-card";
import { UpcomingDeadlinesWidget } from "./upcoming-deadlines-widget";

/** The organisation's incidents (incident team only) and the entry to the intake wizard. */
export function IncidentListPage() {
  const { t } = useTranslation("incidents");
  const navigate = useNavigate();
  const { data: session } = useSession();
  const query = useQuery({
    queryKey: ["incidents"],
    queryFn: () => api<{ incidents: TIncidentSummary[] }>("GET", "/api/incidents"),
  });
  const create = useMutation({
    mutationFn: () => api<{ id: string }>("POST", "/api/incidents", { symptoms: [] }),
    onSuccess: (r) => navigate(`/incidents/${r.id}/wizard`),
  });
  return (
    <Stack maw={880} gap="md">
      <Group justify="space-between">
        <Title order={2}>{t("title")}</Title>
        <Button color="red" onClick={() => create.mutate()} loading={create.isPending}>
          {t("newIncident")}
        </Button>
      </Group>
      <Alert color="yellow">{t("confidential")}</Alert>
      {query.error instanceof ApiError && query.error.status === 404 ? (
        <Alert color="gray">{t("notInTeam")}</Alert>
      ) : (
        <FormError error={query.error ?? create.error} />
      )}
      <UpcomingDeadlinesWidget />
      {query.data?.incidents.length === 0 && <Text>{t("noIncidents")}</Text>}
      {query.data?.incidents.map((i) => (
        <Card
          key={i.id}
          withBorder
          component={Link}
          to={i.status === "draft" ? `/incidents/${i.id}/wizard` : `/incidents/${i.id}`}
        >
          <Group justify="space-between" wrap="wrap">
            <Text fw={600}>
              {i.reference} {i.title}
            </Text>
            <Badge color={i.status === "open" ? "red" : "gray"}>{t(`status.${i.status}`)}</Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {i.symptoms.map((s) => t(`symptom.${s}`)).join(" / ")} · {formatDateTime(i.discoveredAt)}
          </Text>
        </Card>
      ))}
      {session?.user?.role === "admin" && <IncidentTeamCard />}
    </Stack>
  );
}
