import {
  Button,
  Card,
  CopyButton,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { buildPpcDrafts, type TIncidentDetail, type TOrganisation } from "@sonae/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";

/**
 * Drafts for the PPC's web form (速報 / 確報, nine items) and the notice to individuals, built from the
 * incident in the page's language. The person completes the 【要記入】 parts and copies each item.
 */
export function PpcDraftsCard({ incident }: { incident: TIncidentDetail }) {
  const { t, i18n } = useTranslation("incidents");
  const [which, setWhich] = useState<"prompt" | "final" | "notice">("prompt");
  const org = useQuery({
    queryKey: ["organisation"],
    queryFn: () => api<TOrganisation>("GET", "/api/organisation"),
  });
  if (incident.ppc.status === "unanswered" || incident.ppc.status === "not-reportable") return null;
  const drafts = buildPpcDrafts(incident, org.data?.name ?? "", i18n.language === "en" ? "en" : "ja");
  return (
    <Card withBorder data-testid="ppc-drafts">
      <Title order={4}>{t("ppc.draftsTitle")}</Title>
      <Text size="sm" c="dimmed" mt={4}>
        {t("ppc.draftsIntro")}
      </Text>
      <SegmentedControl
        mt="sm"
        value={which}
        onChange={(v) => setWhich(v as typeof which)}
        data={(["prompt", "final", "notice"] as const).map((v) => ({
          value: v,
          label: t(`ppc.drafts.${v}`),
        }))}
      />
      <Stack gap="xs" mt="sm">
        {which === "notice" ? (
          <DraftText label={t("ppc.drafts.notice")} text={drafts.notice} rows={16} />
        ) : (
          drafts[which].map((item) => (
            <DraftText
              key={item.no}
              label={item.label}
              text={item.text}
              rows={3}
              needsInput={item.needsInput}
            />
          ))
        )}
      </Stack>
    </Card>
  );
}

function DraftText({
  label,
  text,
  rows,
  needsInput,
}: {
  label: string;
  text: string;
  rows: number;
  needsInput?: boolean;
}) {
  const { t } = useTranslation("incidents");
  return (
    <Stack gap={2}>
      <Group justify="space-between">
        <Text size="sm" fw={600} c={needsInput ? "orange" : undefined}>
          {label}
        </Text>
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button size="xs" variant="subtle" onClick={copy}>
              {copied ? t("ppc.copied") : t("ppc.copy")}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Textarea readOnly autosize minRows={1} maxRows={rows} value={text} />
    </Stack>
  );
}
