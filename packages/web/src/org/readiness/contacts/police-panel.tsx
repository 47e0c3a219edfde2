import { Anchor, Card, Group, Stack, Text, Title } from "@mantine/core";
import type { TContactsOverview } from "@sonae/core";
import { useTranslation } from "react-i18next";
import { VerificationBadge } from "./contact-badge";

/**
 * 110 and #9110 are national facts shown with their source. The prefectural desk is only ever the
 * organisation's own record with its verified date; without one, "未登録" and the NPA's official list.
 */
export function PolicePanel({
  overview,
  onAddDesk,
  onEditDesk,
}: {
  overview: TContactsOverview;
  onAddDesk?: () => void;
  onEditDesk?: () => void;
}) {
  const { t, i18n } = useTranslation("readiness");
  const lang = i18n.language === "en" ? "en" : "ja";
  const desk = overview.policeDesk;
  return (
    <Card withBorder data-testid="police-panel">
      <Title order={3} size="h4">
        {t("contacts.police")}
      </Title>
      <Stack gap="xs" mt="sm">
        {[overview.builtIn.emergency, overview.builtIn.consultation].map((n) => (
          <div key={n.number}>
            <Text fw={700} size="lg">
              {n.number}{" "}
              <Text span size="sm" fw={400}>
                {n.label[lang]}
              </Text>
            </Text>
            <Text size="xs" c="dimmed">
              {t("contacts.builtInSource")}:{" "}
              <Anchor href={n.source.url} target="_blank" rel="noreferrer" size="xs">
                {n.source[lang]}
              </Anchor>
            </Text>
          </div>
        ))}
        <Text fw={600} mt="sm">
          {t("contacts.desk")}
        </Text>
        {desk ? (
          <div data-testid="police-desk">
            <Group gap="xs">
              <Text>{desk.name}</Text>
              <VerificationBadge contact={desk} />
              {onEditDesk && (
                <Anchor component="button" type="button" size="sm" onClick={onEditDesk}>
                  {t("contacts.edit")}
                </Anchor>
              )}
            </Group>
            {desk.phone && (
              <Text fw={desk.verification === "current" ? 700 : 400} data-testid="police-desk-phone">
                {desk.phone}
              </Text>
            )}
            {desk.phone && desk.verification !== "current" && (
              <Text size="sm" c="orange.8" data-testid="police-desk-unverified">
                {t("contacts.deskUnverifiedPhone")}{" "}
                <Anchor href={overview.npaDeskListUrl} target="_blank" rel="noreferrer" size="sm">
                  {t("contacts.deskListLink")}
                </Anchor>
              </Text>
            )}
            {desk.url && /^https?:\/\//i.test(desk.url) && (
              <Anchor href={desk.url} target="_blank" rel="noreferrer noopener" size="sm">
                {desk.url}
              </Anchor>
            )}
          </div>
        ) : (
          <div data-testid="police-desk-missing">
            <Text c="orange" fw={700}>
              {t("contacts.deskMissing")}
            </Text>
            <Text size="sm">{t("contacts.deskMissingHelp")}</Text>
            <Anchor href={overview.npaDeskListUrl} target="_blank" rel="noreferrer" size="sm">
              {t("contacts.deskListLink")}
            </Anchor>
            {onAddDesk && (
              <Text size="sm" mt={4}>
                <Anchor component="button" type="button" onClick={onAddDesk}>
                  {t("contacts.addDesk")}
                </Anchor>
              </Text>
            )}
          </div>
        )}
      </Stack>
    </Card>
  );
}
