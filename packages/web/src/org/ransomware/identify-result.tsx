import { Alert, Anchor, Badge, Card, Group, List, Progress, Stack, Text, Title } from "@mantine/core";
import type { TIdentifyResult } from "@sonae/ransomware";
import { useTranslation } from "react-i18next";

/** Candidates with their evidence, then guidance. Evidence values are attacker text: rendered as text only. */
export function IdentifyResult({ result }: { result: TIdentifyResult }) {
  const { t, i18n } = useTranslation("ransomware");
  const lang = i18n.language === "en" ? "en" : "ja";
  const g = result.guidance;
  return (
    <Stack gap="md" data-testid="identify-result">
      <Title order={3}>{t("identified")}</Title>
      {result.status === "unknown" && (
        <Alert color="yellow" data-testid="identify-unknown">
          {t("unknown")}
        </Alert>
      )}
      {result.candidates.map((c) => (
        <Card withBorder key={c.family}>
          <Group justify="space-between">
            <Text fw={700}>{c.displayName}</Text>
            {c.confidence < 0.7 && <Badge color="yellow">{t("likely")}</Badge>}
          </Group>
          {c.synonyms.length > 0 && (
            <Text size="xs" c="dimmed">
              {t("synonyms")}: {c.synonyms.slice(0, 8).join(", ")}
            </Text>
          )}
          <Text size="sm" mt="xs">
            {t("confidence")}: {Math.round(c.confidence * 100)}%
          </Text>
          <Progress value={c.confidence * 100} size="sm" aria-label={t("confidence")} />
          <Text size="sm" fw={600} mt="xs">
            {t("evidence")}
          </Text>
          <List size="sm">
            {c.evidence.map((e) => (
              <List.Item key={`${e.kind}:${e.value}`}>
                <Badge size="xs" variant="light" mr={4}>
                  {e.kind}
                </Badge>
                <Text span ff="monospace" style={{ wordBreak: "break-all" }}>
                  {e.value}
                </Text>{" "}
                — {e.detail[lang]}
              </List.Item>
            ))}
          </List>
        </Card>
      ))}
      <Text size="xs" c="dimmed">
        {t("inertNote")}
      </Text>
      <Card withBorder>
        <Title order={4}>{t("guidance")}</Title>
        <Text fw={600} mt="sm">
          {t("decryptors")}
        </Text>
        <Text size="sm">{g.decryptorStatus[lang]}</Text>
        {g.decryptors.length === 0 ? (
          <Text size="sm">{t("noDecryptor")}</Text>
        ) : (
          <List size="sm">
            {g.decryptors.map((d) => (
              <List.Item key={d.name}>
                {/* Decryptor pages (No More Ransom, vendors, NPA) are safe, official links; attacker data never is. */}
                {d.url ? (
                  <Anchor href={d.url} target="_blank" rel="noopener noreferrer">
                    {d.name}
                  </Anchor>
                ) : (
                  d.name
                )}{" "}
                ({d.provider}) — {t("knownAsOf")}: {d.knownAsOf}
              </List.Item>
            ))}
          </List>
        )}
        <Text fw={600} mt="sm">
          {t("policeTools")}
        </Text>
        <Text size="sm">{g.policeTools[lang]}</Text>
        <Text fw={600} mt="sm">
          {t("preserve")}
        </Text>
        <List size="sm">
          {g.preserve.map((p) => (
            <List.Item key={p.en}>{p[lang]}</List.Item>
          ))}
        </List>
        <Text fw={600} mt="sm">
          {t("payment")}
        </Text>
        <Text size="sm">{g.payment.summary[lang]}</Text>
        <Text size="xs" c="dimmed">
          {g.payment.citation}
        </Text>
        <Text fw={600} mt="sm">
          {t("checkLive")}
        </Text>
        <List size="sm">
          {g.checkLive.map((l) => (
            <List.Item key={l.url}>
              <Anchor href={l.url} target="_blank" rel="noopener noreferrer">
                {l.label[lang]}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </Card>
      <Text size="xs" c="dimmed">
        {t("sources")}:{" "}
        {result.knowledgeBase.sources.map((s) => `${s.name} (${s.license}, ${s.asOf})`).join(" / ")}
      </Text>
    </Stack>
  );
}
