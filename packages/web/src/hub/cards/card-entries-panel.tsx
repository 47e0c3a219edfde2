import { Badge, Group, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../components/form-error";
import { useUnitName } from "../admin/unit-name";
import { useCardDashboard, useCardEntries } from "./cards-api";

/** Waiting per brand (with the oldest) and the entries the unit may see, masked, with their age. */
export function CardEntriesPanel() {
  const { t } = useTranslation("hubCards");
  const [status, setStatus] = useState("all");
  const dashboard = useCardDashboard();
  const entries = useCardEntries(status);
  const unitName = useUnitName();
  return (
    <Stack gap="sm">
      <Text fw={500}>{t("dashboard")}</Text>
      <Group gap="xs" data-testid="card-dashboard">
        {dashboard.data?.waiting.map((w) => (
          <Badge
            key={w.brand}
            variant={w.count ? "filled" : "light"}
            color={w.oldestAgeHours > 24 ? "red" : "blue"}
          >
            {t(`brand.${w.brand}`)} {w.count}
            {w.oldestLearnedOn
              ? ` · ${t("oldest", { date: w.oldestLearnedOn, hours: w.oldestAgeHours })}`
              : ""}
          </Badge>
        ))}
      </Group>
      <SegmentedControl
        value={status}
        onChange={setStatus}
        data={[
          { value: "all", label: t("all") },
          { value: "waiting", label: t("waiting") },
          { value: "sent", label: t("sent") },
        ]}
        maw={420}
      />
      <FormError error={entries.error ?? dashboard.error} />
      <Table.ScrollContainer minWidth={760}>
        <Table striped data-testid="card-entries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("cols.masked")}</Table.Th>
              <Table.Th>{t("cols.brand")}</Table.Th>
              <Table.Th>{t("cols.unit")}</Table.Th>
              <Table.Th>{t("cols.source")}</Table.Th>
              <Table.Th>{t("cols.learnedOn")}</Table.Th>
              <Table.Th>{t("cols.age")}</Table.Th>
              <Table.Th>{t("cols.batch")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.data?.items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td ff="monospace">{e.masked}</Table.Td>
                <Table.Td>{t(`brand.${e.brand}`)}</Table.Td>
                <Table.Td>{unitName(e.unitId)}</Table.Td>
                {/* Phishing URLs and dataset labels are attacker-side text: shown inert, never as links. */}
                <Table.Td>
                  {t(`sourceKind.${e.source.kind}`)}:{" "}
                  <Text span ff="monospace" size="sm">
                    {e.source.ref}
                  </Text>
                </Table.Td>
                <Table.Td>{e.learnedOn}</Table.Td>
                <Table.Td>{t("hours", { n: e.ageHours })}</Table.Td>
                <Table.Td ff="monospace">{e.batchId ? e.batchId.slice(0, 8) : t("waiting")}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
