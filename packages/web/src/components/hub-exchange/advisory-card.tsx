import { Badge, Card, Group, Stack, Text } from "@mantine/core";
import type { THubAdvisory } from "@sonae/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatWhen } from "./hub-exchange";

const SEVERITY_COLOR = { info: "blue", warning: "orange", critical: "red" } as const;

/**
 * One advisory in the reader's language (English falls back to the Japanese text). The reference
 * address is shown as text to copy, not as a link: the reader checks where it leads.
 */
export function AdvisoryCard({ advisory: a, actions }: { advisory: THubAdvisory; actions?: ReactNode }) {
  const { t, i18n } = useTranslation("hubExchange");
  const en = i18n.language.startsWith("en");
  const title = en && a.titleEn ? a.titleEn : a.titleJa;
  const body = en && a.bodyEn ? a.bodyEn : a.bodyJa;
  return (
    <Card withBorder data-testid="advisory" opacity={a.withdrawnAt ? 0.6 : 1}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <Badge color={SEVERITY_COLOR[a.severity]}>{t(`advisory.sev.${a.severity}`)}</Badge>
            {a.withdrawnAt && <Badge color="gray">{t("advisory.withdrawn")}</Badge>}
            <Text fw={700}>{title}</Text>
          </Group>
          {actions}
        </Group>
        <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {body}
        </Text>
        <Text size="xs" c="dimmed">
          {t("advisory.issuedBy")}: {en ? a.issuedBy.nameEn : a.issuedBy.nameJa} · {formatWhen(a.publishedAt)}{" "}
          · {t("advisory.audience")}: {a.prefectureCode ?? t("advisory.nationwide")}
        </Text>
        {a.sourceUrl && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
            {t("advisory.source")}: <code>{a.sourceUrl}</code>
          </Text>
        )}
      </Stack>
    </Card>
  );
}
