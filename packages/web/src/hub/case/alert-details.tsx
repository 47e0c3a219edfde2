import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { HUB_UNITS, type THubAlert } from "@sonae/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/**
 * What an alert matched: per earlier case, the shared indicators as inert text (attacker data,
 * never a link) and the case's reference — a link to our own case page — only when the officer's
 * unit may read it; otherwise "a case in another unit", with no reference or unit.
 */
export function AlertDetails({ alert }: { alert: THubAlert }) {
  const { t, i18n } = useTranslation("hub");
  const en = i18n.language.startsWith("en");
  return (
    <Stack gap={2} pl="md" data-testid="hub-alert-details">
      {alert.related.map((r, index) => {
        const unit = r.case ? HUB_UNITS.find((u) => u.id === r.case?.unitId) : undefined;
        return (
          <Group key={r.case?.id ?? `other-${index}`} gap="xs" wrap="wrap" data-testid="hub-alert-related">
            {r.case ? (
              <>
                <Anchor component={Link} to={`/hub/cases/${r.case.id}`} ff="monospace" fz="sm">
                  {r.case.reference}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {unit ? (en ? unit.nameEn : unit.nameJa) : r.case.unitId}
                </Text>
              </>
            ) : (
              <Badge color="gray" variant="outline" data-testid="hub-alert-other-unit">
                {t("alertOtherUnit")}
              </Badge>
            )}
            <Text size="xs">{t("shared")}:</Text>
            {r.shared.map((s) => (
              <Text
                key={`${s.kind}:${s.value}`}
                size="xs"
                ff="monospace"
                style={{ wordBreak: "break-all" }}
                data-testid="hub-alert-indicator"
              >
                {s.kind}: {s.value}
              </Text>
            ))}
          </Group>
        );
      })}
    </Stack>
  );
}
