import { Badge, Button, Stack, Table, Text } from "@mantine/core";
import type { TIncidentIndicator } from "@sonae/core";
import { useTranslation } from "react-i18next";

/**
 * One indicator. A value on a warning list is context: greyed, with the list that matched and the date
 * of its data, and a way to promote it with a reason. Attacker data is text only, never a link.
 */
export function IndicatorRow({
  indicator: i,
  onEdit,
  onRemove,
  onPromote,
  onWithdraw,
}: {
  indicator: TIncidentIndicator;
  onEdit: () => void;
  onRemove: () => void;
  onPromote: () => void;
  onWithdraw: () => void;
}) {
  const { t, i18n } = useTranslation("incidents");
  const lang = i18n.language === "en" ? "en" : "ja";
  const [first, ...more] = i.warningLists;
  return (
    <Table.Tr data-context={i.context ? "true" : undefined} style={i.context ? { opacity: 0.6 } : undefined}>
      <Table.Td>{i.kind}</Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Text
            size="sm"
            c={i.context ? "dimmed" : undefined}
            style={{ wordBreak: "break-all", fontFamily: "monospace" }}
          >
            {i.value}
          </Text>
          {first && (
            <Text size="xs" c="dimmed" data-testid="indicator-list">
              <Badge size="xs" color={i.context ? "gray" : "blue"} variant="light" mr={4}>
                {i.context ? t("indicators.context") : t("indicators.promoted")}
              </Badge>
              {t("indicators.onList", { list: first.name[lang], date: first.date })}
              {more.length > 0 && ` ${t("indicators.moreLists", { count: more.length })}`}
            </Text>
          )}
          {i.promotion && (
            <Text size="xs" data-testid="indicator-promotion">
              {t("indicators.promotionReason", {
                reason: i.promotion.reason,
                by: i.promotion.byName ?? "—",
                at: i.promotion.at.slice(0, 10),
              })}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>{i.note}</Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        {i.context && (
          <Button size="xs" variant="light" onClick={onPromote}>
            {t("indicators.promote")}
          </Button>
        )}
        {i.promotion && (
          <Button size="xs" variant="subtle" onClick={onWithdraw}>
            {t("indicators.withdraw")}
          </Button>
        )}
        <Button size="xs" variant="subtle" onClick={onEdit}>
          {t("indicators.edit")}
        </Button>
        <Button size="xs" variant="subtle" color="red" onClick={onRemove}>
          {t("indicators.remove")}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
