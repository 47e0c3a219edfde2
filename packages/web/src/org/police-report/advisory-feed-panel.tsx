import { Alert, Card, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FormError } from "../../components/form-error";
import { AdvisoryCard } from "../../components/hub-exchange/advisory-card";
import { formatWhen } from "../../components/hub-exchange/hub-exchange";
import { useAdvisoryFeed } from "./police-report-api";

/** Organisation side: the police's current advisories for this prefecture and nationwide, with their source. */
export function AdvisoryFeedPanel() {
  const { t } = useTranslation("policeReport");
  const feed = useAdvisoryFeed();
  return (
    <Card withBorder data-testid="advisory-feed">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t("feed.title")}
        </Title>
        <FormError error={feed.error} />
        {feed.data === null && <Text size="sm">{t("feed.notConfigured")}</Text>}
        {feed.data && (
          <>
            <Text size="xs" c="dimmed">
              {t("feed.fetchedFrom", { hub: feed.data.hubUrl, at: formatWhen(feed.data.fetchedAt) })}
            </Text>
            {feed.data.advisories.length === 0 && <Alert color="gray">{t("feed.none")}</Alert>}
            {feed.data.advisories.map((a) => (
              <AdvisoryCard key={a.id} advisory={a} />
            ))}
          </>
        )}
      </Stack>
    </Card>
  );
}
