import { Button, Code, Select, Stack, Table, Text, Title } from "@mantine/core";
import type { TAuditEntry } from "@sonae/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";
import { formatWhen } from "../../components/hub-exchange/hub-exchange";
import { useHubMe } from "../hub-api";
import { ALL_UNIT_IDS, useUnitName } from "./unit-name";

type Page = { entries: TAuditEntry[]; nextCursor: string | null };

/** The unit's audit log for its unit admin; a national unit admin may pick any unit. Payloads are plain text. */
export function UnitAuditPage() {
  const { t } = useTranslation("hubAdmin");
  const unitName = useUnitName();
  const me = useHubMe();
  const [unit, setUnit] = useState<string | null>(null);
  const unitId = unit ?? (me.data ? String(me.data.unit.id) : null);
  const query = useInfiniteQuery({
    queryKey: ["hub", "unit-audit", unitId],
    enabled: unitId !== null,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<Page>("GET", `/api/hub/audit?unitId=${unitId}&limit=50${pageParam ? `&before=${pageParam}` : ""}`),
    getNextPageParam: (last) => last.nextCursor,
  });
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? [];
  const isNational = me.data?.unit.kind === "national";
  return (
    <Stack gap="md">
      <Title order={2}>{t("audit.title")}</Title>
      <Text size="sm">{t("audit.intro")}</Text>
      {isNational && (
        <Select
          label={t("audit.unit")}
          data={ALL_UNIT_IDS.map((id) => ({ value: String(id), label: unitName(id) }))}
          value={unitId}
          onChange={setUnit}
          searchable
          maw={320}
        />
      )}
      <FormError error={query.error} />
      <Table.ScrollContainer minWidth={720}>
        <Table striped data-testid="unit-audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("audit.at")}</Table.Th>
              <Table.Th>{t("audit.actor")}</Table.Th>
              <Table.Th>{t("audit.type")}</Table.Th>
              <Table.Th>{t("audit.details")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatWhen(e.at)}</Table.Td>
                <Table.Td>{e.actorEmail ?? "—"}</Table.Td>
                <Table.Td>
                  <Code>{e.type}</Code>
                </Table.Td>
                <Table.Td>
                  <Code block style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
                    {JSON.stringify(e.payload)}
                  </Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {query.hasNextPage && (
        <Button variant="light" onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
          {t("audit.more")}
        </Button>
      )}
    </Stack>
  );
}
