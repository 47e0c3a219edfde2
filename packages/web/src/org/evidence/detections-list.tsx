import { Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import type { TDetectionView } from "@sonae/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatJst } from "./evidence-api";
import { SigmaRuleRef } from "./sigma-rule-ref";

const FIRST = 5;
const COLOR = { critical: "red", high: "orange", medium: "yellow", low: "blue", info: "gray" } as const;

/** Detections with their Japanese explanation and severity; a click shows only their evidence events. */
export function DetectionsList({
  detections,
  onShowEvents,
}: {
  detections: TDetectionView[];
  onShowEvents: (d: TDetectionView) => void;
}) {
  const { t, i18n } = useTranslation("evidence");
  const lang = i18n.language === "en" ? "en" : "ja";
  // Mass clearing gives one detection per cleared log (90 in one sample): show the first few.
  const [all, setAll] = useState(false);
  const shown = all ? detections : detections.slice(0, FIRST);
  const counts = new Map<string, { title: string; severity: TDetectionView["severity"]; n: number }>();
  for (const d of detections) {
    const c = counts.get(d.ruleId) ?? { title: d.title[lang], severity: d.severity, n: 0 };
    c.n++;
    counts.set(d.ruleId, c);
  }
  return (
    <Stack gap="xs" data-testid="detections">
      <Title order={4} size="h5">
        {t("detections.title")}
      </Title>
      {detections.length === 0 && <Text size="sm">{t("detections.none")}</Text>}
      <Group gap="xs" wrap="wrap">
        {[...counts].map(([ruleId, c]) => (
          <Badge key={ruleId} color={COLOR[c.severity]} variant="light">
            {c.title} × {c.n}
          </Badge>
        ))}
      </Group>
      {shown.map((d) => (
        <Card key={d.id} withBorder padding="sm">
          <Stack gap={4}>
            <Group gap="xs" wrap="wrap">
              <Badge color={COLOR[d.severity]}>{t(`detections.severity.${d.severity}`)}</Badge>
              <Text fw={600}>{d.title[lang]}</Text>
            </Group>
            {/* Sigma explanations hold a long rule URL: let it wrap instead of overflowing the card. */}
            <Text size="sm" style={{ overflowWrap: "anywhere" }}>
              {d.explanation[lang]}
            </Text>
            <Text size="xs" c="dimmed">
              {formatJst(d.firstTime)} – {formatJst(d.lastTime)} · {d.hosts.join(", ")} ·{" "}
              {t("detections.events", { count: d.eventIds.length })}
            </Text>
            {d.sigma ? (
              <SigmaRuleRef sigma={d.sigma} />
            ) : (
              d.attribution && (
                <Text size="xs" c="dimmed">
                  {t("detections.attribution")}: {d.attribution}
                </Text>
              )
            )}
            {d.attack.length > 0 && (
              <Group gap={4}>
                {d.attack.map((id) => (
                  <Badge key={id} size="xs" variant="outline" color="gray">
                    ATT&CK {id}
                  </Badge>
                ))}
              </Group>
            )}
            {(d.sources ?? []).slice(1).length > 0 && (
              <Stack gap={2} data-testid="finding-sources">
                <Text size="xs" fw={600}>
                  {t("detections.alsoFound")}
                </Text>
                {(d.sources ?? []).slice(1).map((s) => (
                  <Stack key={s.ruleId} gap={0}>
                    <Text size="xs">{s.title[lang]}</Text>
                    {s.sigma && <SigmaRuleRef sigma={s.sigma} />}
                  </Stack>
                ))}
              </Stack>
            )}
            <Group>
              <Button size="xs" variant="light" onClick={() => onShowEvents(d)}>
                {t("detections.showEvents")}
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
      {detections.length > FIRST && (
        <Group>
          <Button size="xs" variant="subtle" onClick={() => setAll(!all)}>
            {all ? t("detections.showFewer") : t("detections.showAll", { count: detections.length })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
