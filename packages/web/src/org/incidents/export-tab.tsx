import { Anchor, Button, Divider, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { TIncidentDetail } from "@sonae/core";
import { useTranslation } from "react-i18next";
import { CommonFormAnswers } from "./common-form-answers";
import { FormSends } from "./form-sends";
import { SharingCopy } from "./sharing-copy";

const FORMATS = ["pdf", "html", "json", "stix", "xlsx"] as const;

/** The police report package, the common forms with their sends, and the sharing copy (all audited). */
export function ExportTab({ incident }: { incident: TIncidentDetail }) {
  const { t } = useTranslation("incidentExport");
  return (
    <Stack gap="lg" maw={960}>
      <Stack gap="sm">
        <Title order={4}>{t("package")}</Title>
        <Text size="sm">{t("intro")}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {FORMATS.map((f) => (
            <Button
              key={f}
              component="a"
              href={`/api/incidents/${incident.id}/export/${f}`}
              download
              variant="light"
            >
              {t(f)}
            </Button>
          ))}
        </SimpleGrid>
        <Anchor href="/api/schemas/report-package.json" target="_blank" rel="noopener" size="sm">
          {t("schema")}
        </Anchor>
      </Stack>
      <Divider />
      <Stack gap="sm">
        <Title order={4}>{t("form.title")}</Title>
        <Text size="sm">{t("form.help")}</Text>
        <CommonFormAnswers incident={incident} />
        <FormSends incident={incident} />
      </Stack>
      <Divider />
      <Stack gap="sm">
        <Title order={4}>{t("share.title")}</Title>
        <SharingCopy incidentId={incident.id} />
      </Stack>
    </Stack>
  );
}
