import { Button, Card, Code, CopyButton, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The commands to run on an affected machine; the case id is the incident reference. */
export function CliInstructions({ reference }: { reference: string }) {
  const { t } = useTranslation("evidence");
  const commands = [
    {
      label: t("cli.windows"),
      command: `sonae preserve C:\\Windows\\System32\\winevt\\Logs --case ${reference} --examiner "氏名" --out E:\\${reference}-evidence.zip`,
    },
    {
      label: t("cli.linux"),
      command: `sudo sonae preserve /var/log --case ${reference} --examiner "氏名" --out /media/usb/${reference}-evidence.zip`,
    },
  ];
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t("cli.title")}
        </Title>
        <Text size="sm">{t("cli.intro")}</Text>
        {commands.map((c) => (
          <Stack key={c.label} gap={4}>
            <Text size="sm" fw={600}>
              {c.label}
            </Text>
            <Group wrap="nowrap" align="flex-start">
              <Code block style={{ flex: 1, whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
                {c.command}
              </Code>
              <CopyButton value={c.command}>
                {({ copied, copy }) => (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={copy}
                    aria-label={`${t("cli.copy")}: ${c.label}`}
                  >
                    {copied ? t("cli.copied") : t("cli.copy")}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        ))}
        <Text size="xs" c="dimmed">
          {t("cli.note")}
        </Text>
      </Stack>
    </Card>
  );
}
