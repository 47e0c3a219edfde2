import { Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import type { TUpcomingDeadline } from "@sonae/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/client";
import { formatDateTime, pick } from "./incident-format";

/**
 * Dashboard widget: pending reporting deadlines of open incidents, soonest first. Renders nothing for
 * people outside the incident team (the server returns an empty list), so it never reveals an incident.
 */
export function UpcomingDeadlinesWidget() {
  const { t } = useTranslation("incidents");
  const query = useQuery({
    queryKey: ["incidents", "deadlines", "upcoming"],
    queryFn: () => api<{ deadlines: TUpcomingDeadline[] }>("GET", "/api/incidents/deadlines/upcoming"),
    refetchInterval: 5 * 60_000,
  });
  const deadlines = query.data?.deadlines ?? [];
  if (!deadlines.length) return null;
  return (
    <Card withBorder data-testid="upcoming-deadlines">
      <Title order={3} size="h4">
        {t("widget.title")}
      </Title>
      <Stack gap={6} mt="xs">
        {deadlines.slice(0, 6).map((d) => (
          <Group key={`${d.incidentId}-${d.obligationId}`} justify="space-between" wrap="wrap" gap={4}>
            <Anchor component={Link} to={`/incidents/${d.incidentId}/deadlines`} size="sm">
              {d.incidentReference} · {pick(d.title)}
            </Anchor>
            <Group gap={4}>
              {d.overdue && <Badge color="red">{t("deadlines.overdue")}</Badge>}
              <Text size="sm">{formatDateTime(d.dueAt)}</Text>
            </Group>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
