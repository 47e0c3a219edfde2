import { Anchor, Button, Stack, Text } from "@mantine/core";
import type { TIncidentDetail } from "@sonae/core";
import { useTranslation } from "react-i18next";

const FORMATS = ["pdf", "json", "stix", "xlsx"] as const;

/** The police report package downloads (each one audited on the server). */
export function ExportTab({ incident }: { incident: TIncidentDetail }) {
  const { t } = useTranslation("incidents");
  return (
    <Stack gap="sm" maw={480}>
      <Text size="sm">{t("export.intro")}</Text>
      {FORMATS.map((f) => (
        <Button
          key={f}
          component="a"
          href={`/api/incidents/${incident.id}/export/${f}`}
          download
          variant="light"
        >
          {t(`export.${f}`)}
        </Button>
      ))}
      <Anchor href="/api/schemas/report-package.json" target="_blank" rel="noopener" size="sm">
        {t("export.schema")}
      </Anchor>
    </Stack>
  );
}
