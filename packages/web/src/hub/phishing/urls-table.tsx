import { Badge, Button, Group, Table, Text } from "@mantine/core";
import type { TPhishUrl } from "@sonae/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatWhen } from "../../components/hub-exchange/hub-exchange";
import { InertUrl } from "./inert-url";

export const STATE_COLOR = {
  candidate: "yellow",
  confirmed: "red",
  benign: "green",
  unreachable: "gray",
} as const;

/** URL records as a dense table; the "open" button leads to the hub's own detail page, the URL itself stays text. */
export function UrlsTable(props: { rows: TPhishUrl[] }) {
  const { t } = useTranslation("hubPhishing");
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing={4} fz="sm" data-testid="urls-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("list.url")}</Table.Th>
            <Table.Th>{t("list.ip")}</Table.Th>
            <Table.Th>{t("list.state")}</Table.Th>
            <Table.Th>{t("list.category")}</Table.Th>
            <Table.Th>{t("list.brand")}</Table.Th>
            <Table.Th>{t("list.sightings")}</Table.Th>
            <Table.Th>{t("list.lastSeen")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((u) => (
            <Table.Tr key={u.id} data-testid="url-row">
              <Table.Td maw={420}>
                <InertUrl url={u.canonical} lineClamp={2} />
                <Group gap={4}>
                  {u.flags.map((f) => (
                    <Badge
                      key={f}
                      size="xs"
                      variant="outline"
                      color={f === "warning_list" ? "gray" : "orange"}
                    >
                      {f}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td ff="monospace">{u.ip ?? "—"}</Table.Td>
              <Table.Td>
                <Badge color={STATE_COLOR[u.state]}>{t(`state.${u.state}`)}</Badge>
              </Table.Td>
              <Table.Td>{u.category ? t(`category.${u.category}`) : "—"}</Table.Td>
              <Table.Td>{u.brandId ?? "—"}</Table.Td>
              <Table.Td>{u.sightingCount}</Table.Td>
              <Table.Td>
                <Text fz="xs">{formatWhen(u.lastSeen)}</Text>
              </Table.Td>
              <Table.Td>
                <Button component={Link} to={`/hub/urls/${u.id}`} size="compact-xs" variant="light">
                  {t("list.open")}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
