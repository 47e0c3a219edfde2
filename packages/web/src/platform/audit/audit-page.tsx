import { Button, Code, Stack, Table, Text, Title } from "@mantine/core";
import type { TAuditEntry } from "@sonae/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";

type Page = { entries: TAuditEntry[]; nextCursor: string | null };

/** The organisation's audit trail, newest first; payloads are shown as text, never as markup. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const query = useInfiniteQuery({
    queryKey: ["audit"],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<Page>("GET", `/api/audit?limit=50${pageParam ? `&before=${pageParam}` : ""}`),
    getNextPageParam: (last) => last.nextCursor,
  });
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? [];
  const locale = i18n.language === "en" ? "en-GB" : "ja-JP";
  return (
    <Stack gap="md">
      <Title order={2}>{t("audit.title")}</Title>
      <FormError error={query.error} />
      <Table.ScrollContainer minWidth={720}>
        <Table striped data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("audit.at")}</Table.Th>
              <Table.Th>{t("audit.actor")}</Table.Th>
              <Table.Th>{t("audit.type")}</Table.Th>
              <Table.Th>{t("audit.ip")}</Table.Th>
              <Table.Th>{t("audit.details")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{new Date(e.at).toLocaleString(locale, { timeZone: "Asia/Tokyo" })}</Table.Td>
                <Table.Td>{e.actorEmail ?? "—"}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {t(`audit.area.${e.type.split(".")[0]}`, { defaultValue: e.type.split(".")[0] })}
                  </Text>
                  <Code>{e.type}</Code>
                </Table.Td>
                <Table.Td>{e.ip ?? "—"}</Table.Td>
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
