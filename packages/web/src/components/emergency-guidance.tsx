import { Alert, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * What to do right now when under attack (isolate, do not power off, call the police), with its
 * source. Shown on the dashboard and on the login page: on the worst day nobody may be able to sign in.
 */
export function EmergencyGuidance({ testId }: { testId: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t("dashboard.emergencyTitle")} data-testid={testId}>
      <Text size="sm">{t("dashboard.emergency")}</Text>
      <Text size="xs" c="dimmed" mt={4}>
        {t("dashboard.emergencySource")}
      </Text>
    </Alert>
  );
}
