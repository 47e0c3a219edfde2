import { Alert, Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { HUB_UNITS, type THubStats, todayInJapan } from "@sonae/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../components/form-error";
import { useHubStats } from "./insights-api";

type CountList = { key: string | number | null; count: number }[];

function CountTable({
  title,
  rows,
  label,
}: {
  title: string;
  rows: CountList;
  label: (k: CountList[number]["key"]) => string;
}) {
  const { t } = useTranslation("hubInsights");
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <Table striped>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={String(r.key)}>
              <Table.Td>{label(r.key)}</Table.Td>
              <Table.Td ta="right" aria-label={t("stats.count")}>
                {r.count}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <Card withBorder>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Card>
  );
}

/** Counts of the unit's visible reports over a period, with a CSV download. */
export function HubStatsPage() {
  const { t } = useTranslation("hubInsights");
  const { t: th, i18n } = useTranslation("hub");
  const today = todayInJapan();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const stats = useHubStats(from, to);
  const s: THubStats | undefined = stats.data;
  const en = i18n.language.startsWith("en");
  const unitName = (id: CountList[number]["key"]) => {
    const unit = HUB_UNITS.find((u) => u.id === Number(id));
    return unit ? (en ? unit.nameEn : unit.nameJa) : String(id);
  };
  return (
    <Stack maw={960} gap="md">
      <Title order={2}>{t("stats.title")}</Title>
      <Text size="sm">{t("stats.metadataOnly")}</Text>
      <Group align="end" wrap="wrap">
        <TextInput
          type="date"
          label={t("stats.from")}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t("stats.to")}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <Button component="a" href={`/api/hub/stats.csv?from=${from}&to=${to}`} variant="light" download>
          {t("stats.csv")}
        </Button>
      </Group>
      <FormError error={stats.error} />
      {s && (
        <>
          <Alert color="gray" py="xs">
            {s.scope === "national" ? t("stats.scopeNational") : t("stats.scopeUnit")}
          </Alert>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Figure label={t("stats.total")} value={s.total} />
            <Figure label={t("stats.acknowledged")} value={`${s.acknowledgement.acknowledged}`} />
            <Figure label={t("stats.withinSla")} value={s.acknowledgement.withinSla} />
            <Figure
              label={t("stats.median")}
              value={
                s.acknowledgement.medianMinutes === null
                  ? "—"
                  : t("stats.minutes", { n: s.acknowledgement.medianMinutes })
              }
            />
            <Figure label={t("stats.overdueNow")} value={s.acknowledgement.overdueNow} />
          </SimpleGrid>
          {s.total === 0 ? (
            <Text>{t("stats.empty")}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <CountTable title={t("stats.byMonth")} rows={s.byMonth} label={(k) => String(k)} />
              <CountTable
                title={t("stats.byCategory")}
                rows={s.byCategory}
                label={(k) => (k === null ? t("stats.unclassified") : th(`category.${k}`))}
              />
              <CountTable title={t("stats.byKind")} rows={s.byKind} label={(k) => th(`kind.${k}`)} />
              <CountTable title={t("stats.bySource")} rows={s.bySource} label={(k) => th(`source.${k}`)} />
              <CountTable title={t("stats.byStatus")} rows={s.byStatus} label={(k) => th(`status.${k}`)} />
              <CountTable title={t("stats.byUnit")} rows={s.byUnit} label={unitName} />
            </SimpleGrid>
          )}
        </>
      )}
    </Stack>
  );
}
