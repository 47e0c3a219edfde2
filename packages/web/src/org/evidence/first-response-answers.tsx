import { Anchor, Card, Group, Stack, Text, Title } from "@mantine/core";
import {
  type FirstResponseItem,
  type FirstResponseValue,
  summariseFirstResponse,
  type TDetectionView,
} from "@sonae/core";
import { useTranslation } from "react-i18next";
import { formatJst } from "./evidence-api";

const SHOWN = 6;

/**
 * The first-response answers (who, from where, when first, way in, foothold, what was turned off)
 * drawn from the run's findings; every item shows the evidence events of its finding. Account
 * names and addresses come from attacker-controlled logs: plain text, never links out.
 */
export function FirstResponseAnswers({
  detections,
  onShowEvents,
}: {
  detections: TDetectionView[];
  onShowEvents: (d: TDetectionView) => void;
}) {
  const { t, i18n } = useTranslation("evidence");
  const lang = i18n.language === "en" ? "en" : "ja";
  const answers = summariseFirstResponse(detections);
  const byId = new Map(detections.map((d) => [d.id, d]));
  const show = (findingId: string | undefined) => {
    const d = findingId ? byId.get(findingId) : undefined;
    if (d) onShowEvents(d);
  };
  const values = (list: FirstResponseValue[]) =>
    list.length === 0 ? (
      <Text size="sm">{t("firstResponse.unknown")}</Text>
    ) : (
      <Group gap="xs" wrap="wrap">
        {list.slice(0, SHOWN).map((v) => (
          <Anchor
            component="button"
            type="button"
            size="sm"
            key={v.value}
            onClick={() => show(v.findingIds[0])}
          >
            {v.value}
          </Anchor>
        ))}
        {list.length > SHOWN && (
          <Text size="sm">{t("firstResponse.more", { count: list.length - SHOWN })}</Text>
        )}
      </Group>
    );
  const items = (list: FirstResponseItem[]) =>
    list.length === 0 ? (
      <Text size="sm">{t("firstResponse.unknown")}</Text>
    ) : (
      <Stack gap={2}>
        {list.slice(0, SHOWN).map((i) => (
          <Anchor
            component="button"
            type="button"
            size="sm"
            ta="left"
            key={i.findingId}
            onClick={() => show(i.findingId)}
          >
            {i.title[lang]} — {formatJst(i.firstTime)} · {i.hosts.join(", ")}
          </Anchor>
        ))}
        {list.length > SHOWN && (
          <Text size="sm">{t("firstResponse.more", { count: list.length - SHOWN })}</Text>
        )}
      </Stack>
    );
  const rows: Array<[string, React.ReactNode]> = [
    ["who", values(answers.who)],
    ["fromWhere", values(answers.fromWhere)],
    ["whenFirst", items(answers.whenFirst ? [answers.whenFirst] : [])],
    ["wayIn", items(answers.wayIn)],
    ["foothold", items(answers.foothold)],
    ["turnedOff", items(answers.turnedOff)],
  ];
  return (
    <Card withBorder padding="sm" data-testid="first-response">
      <Stack gap="xs">
        <Title order={4} size="h5">
          {t("firstResponse.title")}
        </Title>
        <Text size="xs" c="dimmed">
          {t("firstResponse.hint")}
        </Text>
        {rows.map(([key, content]) => (
          <Group key={key} gap="sm" align="flex-start" wrap="wrap" data-testid={`first-response-${key}`}>
            <Text size="sm" fw={600} w={180} style={{ flexShrink: 0 }}>
              {t(`firstResponse.${key}`)}
            </Text>
            {content}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
