import { Card, Group, Text, Title } from "@mantine/core";
import { HUB_UNITS } from "@sonae/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FormError } from "../../components/form-error";
import { formatWhen } from "../../components/hub-exchange/hub-exchange";
import { useRelatedCases } from "../hub-api";

/** Earlier cases sharing indicators with this one, within the units the analyst may see. */
export function RelatedCases({ id }: { id: string }) {
  const { t, i18n } = useTranslation("hub");
  const related = useRelatedCases(id, true);
  const en = i18n.language.startsWith("en");
  return (
    <Card withBorder>
      <Title order={3} size="h4">
        {t("related")}
      </Title>
      <FormError error={related.error} />
      {related.data?.length === 0 && <Text size="sm">{t("noRelated")}</Text>}
      {related.data?.map((r) => {
        const unit = HUB_UNITS.find((u) => u.id === r.unitId);
        return (
          <Card key={r.id} withBorder mt="xs" data-testid="hub-related">
            <Group gap="xs" wrap="wrap">
              <Text component={Link} to={`/hub/cases/${r.id}`} fw={600}>
                {r.reference}
              </Text>
              <Text size="sm">
                {unit ? (en ? unit.nameEn : unit.nameJa) : r.unitId} · {formatWhen(r.receivedAt)}
              </Text>
            </Group>
            <Text size="xs">{t("shared")}:</Text>
            {r.shared.map((s) => (
              <Text key={`${s.kind}:${s.value}`} size="xs" ff="monospace" style={{ wordBreak: "break-all" }}>
                {s.kind}: {s.value}
              </Text>
            ))}
          </Card>
        );
      })}
    </Card>
  );
}
