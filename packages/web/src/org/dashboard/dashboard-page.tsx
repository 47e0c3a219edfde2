import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { TReadinessDashboard } from "@sonae/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/client";
import { useSession } from "../../api/session";
import { EmergencyGuidance } from "../../components/emergency-guidance";
import { FormError } from "../../components/form-error";
import { formatDate } from "../../i18n/format";
import { UpcomingDeadlinesWidget } from "../incidents/upcoming-deadlines-widget";
import { ScoreSparkline } from "../readiness/assessment/score-sparkline";
import { WarningList } from "../readiness/register/warning-list";

/**
 * The dashboard: readiness score and trend, top gaps, devices with KEV matches, stale contacts,
 * backup and log warnings. Every figure comes from the server; when nothing is recorded it says so.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const { t: r, i18n } = useTranslation("readiness");
  const lang = i18n.language === "en" ? "en" : "ja";
  const { data } = useSession();
  const query = useQuery({
    queryKey: ["readiness", "dashboard"],
    queryFn: () => api<TReadinessDashboard>("GET", "/api/readiness/dashboard"),
  });
  const d = query.data;
  return (
    <Stack gap="md">
      <Title order={2}>{t("dashboard.welcome", { org: data?.organisation?.name ?? "" })}</Title>
      <EmergencyGuidance testId="emergency-guidance" />
      {/* Reporting deadlines of open incidents come before readiness: they are due now. */}
      <UpcomingDeadlinesWidget />
      <FormError error={query.error} />
      {d && d.score === null && (
        <Card withBorder data-testid="dashboard-empty">
          <Title order={3} size="h4">
            {t("dashboard.emptyTitle")}
          </Title>
          <Text size="sm" mt="xs">
            {t("dashboard.empty")}
          </Text>
        </Card>
      )}
      {d && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card withBorder data-testid="dashboard-score">
            <Group justify="space-between">
              <Title order={3} size="h4">
                {r("assessment.dashboard.scoreTitle")}
              </Title>
              <Anchor component={Link} to="/readiness/assessment" size="sm">
                {r("assessment.dashboard.open")}
              </Anchor>
            </Group>
            {d.score === null ? (
              <Text size="sm">{r("assessment.noScore")}</Text>
            ) : (
              <>
                <Text fz={36} fw={700}>
                  {d.score}
                  <Text span size="md" c="dimmed">
                    {" "}
                    / 100
                  </Text>
                </Text>
                <Text size="sm">
                  {r("assessment.answered", { answered: d.answered, applicable: d.applicable })}
                </Text>
              </>
            )}
            {d.history.length === 0 ? (
              <Text size="xs" c="dimmed">
                {r("assessment.noHistory")}
              </Text>
            ) : (
              <>
                <ScoreSparkline points={d.history} />
                <Text size="xs" c="dimmed" data-testid="dashboard-history">
                  {d.history
                    .slice(-5)
                    .map((h) => `${formatDate(h.at)}: ${h.score}`)
                    .join(" · ")}
                </Text>
              </>
            )}
          </Card>
          <Card withBorder data-testid="dashboard-gaps">
            <Title order={3} size="h4">
              {r("assessment.dashboard.topGaps")}
            </Title>
            {d.topGaps.length === 0 ? (
              <Text size="sm">{r("assessment.noGaps")}</Text>
            ) : (
              <List type="ordered" size="sm" spacing={4} mt="xs">
                {d.topGaps.map((g) => (
                  <List.Item key={g.itemId}>
                    <Text size="sm" fw={500}>
                      {g.title[lang]}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {g.fix[lang]}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Card>
          <Card withBorder data-testid="dashboard-kev">
            <Title order={3} size="h4">
              {r("assessment.dashboard.kevTitle")}
            </Title>
            {d.kev.checkedDevices === 0 ? (
              <Text size="sm">{r("assessment.dashboard.kevNoDevices")}</Text>
            ) : d.kev.devices.length === 0 ? (
              <Text size="sm">{r("assessment.dashboard.kevNone")}</Text>
            ) : (
              <List size="sm" spacing={4} mt="xs">
                {d.kev.devices.map((dev) => (
                  <List.Item key={dev.id}>
                    <Group gap={6}>
                      <Anchor component={Link} to={`/readiness/devices/${dev.id}`} size="sm">
                        {dev.name}
                      </Anchor>
                      <Badge color="red">{r("assessment.dashboard.kevCount", { count: dev.matches })}</Badge>
                      {dev.ransomwareUse > 0 && (
                        <Badge color="dark">{r("assessment.dashboard.ransomware")}</Badge>
                      )}
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
            {d.kev.catalog && (
              <Text size="xs" c="dimmed" mt={4}>
                {r("assessment.dashboard.kevCatalog", {
                  version: d.kev.catalog.version,
                  date: formatDate(d.kev.catalog.dateReleased.slice(0, 10)),
                })}
              </Text>
            )}
          </Card>
          <Card withBorder data-testid="dashboard-contacts">
            <Title order={3} size="h4">
              {r("assessment.dashboard.staleTitle")}
            </Title>
            {d.contactCount === 0 ? (
              <Text size="sm">{r("assessment.dashboard.staleNoContacts")}</Text>
            ) : d.staleContacts.length === 0 ? (
              <Text size="sm">{r("assessment.dashboard.staleNone")}</Text>
            ) : (
              <List size="sm" spacing={4} mt="xs">
                {d.staleContacts.map((c) => (
                  <List.Item key={c.id}>
                    {c.name}（{c.verifiedAt ? formatDate(c.verifiedAt) : r("assessment.dashboard.never")}）
                  </List.Item>
                ))}
              </List>
            )}
          </Card>
          <RegisterWarnings
            testId="dashboard-backups"
            title={r("assessment.dashboard.backupsTitle")}
            empty={r("assessment.dashboard.noBackups")}
            count={d.backups.count}
            withWarnings={d.backups.setsWithWarnings}
            findings={d.backups.findings}
            to="/readiness/backups"
          />
          <RegisterWarnings
            testId="dashboard-logs"
            title={r("assessment.dashboard.logsTitle")}
            empty={r("assessment.dashboard.noLogs")}
            count={d.logs.count}
            withWarnings={d.logs.sourcesWithWarnings}
            findings={d.logs.findings}
            to="/readiness/logs"
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}

function RegisterWarnings(props: {
  testId: string;
  title: string;
  empty: string;
  count: number;
  withWarnings: number;
  findings: TReadinessDashboard["backups"]["findings"];
  to: string;
}) {
  const { t: r } = useTranslation("readiness");
  return (
    <Card withBorder data-testid={props.testId}>
      <Anchor component={Link} to={props.to}>
        <Title order={3} size="h4">
          {props.title}
        </Title>
      </Anchor>
      {props.count === 0 ? (
        <Text size="sm">{props.empty}</Text>
      ) : (
        <>
          <Text size="sm" mb={4}>
            {props.withWarnings > 0
              ? r("assessment.dashboard.entriesWithWarnings", { count: props.withWarnings })
              : r("assessment.dashboard.noWarnings")}
          </Text>
          <WarningList warnings={props.findings} />
        </>
      )}
    </Card>
  );
}
