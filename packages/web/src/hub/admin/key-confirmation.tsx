import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FormError } from "../../components/form-error";
import { formatWhen } from "../../components/hub-exchange/hub-exchange";
import { useOrgKeyConfirmation, useOrgKeyStatus } from "./admin-api";
import { useUnitName } from "./unit-name";

function Fact(props: { label: string; value: string | number | null }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text size="sm" style={{ wordBreak: "break-all" }}>
        {props.value ?? "—"}
      </Text>
    </Stack>
  );
}

/** The fingerprint to read over the phone, beside what the organisation claimed (all shown as inert text). */
export function KeyConfirmation(props: { id: string }) {
  const { t } = useTranslation("hubAdmin");
  const unitName = useUnitName();
  const query = useOrgKeyConfirmation(props.id);
  const setStatus = useOrgKeyStatus();
  const v = query.data;
  if (!v) return <FormError error={query.error} />;
  // Grouped in fours so it can be read aloud and compared without losing one's place.
  const groups = v.key.fingerprint.match(/.{1,4}/g) ?? [];
  return (
    <Card withBorder data-testid="key-confirmation">
      <FormError error={setStatus.error} />
      {(v.key.nameClaimedEarlier || v.sameNameKeys.length > 0) && (
        <Alert color="red" mb="sm">
          {t("keys.sameNameWarning")}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t("keys.fingerprint")}
          </Title>
          <Text ff="monospace" size="lg" data-testid="key-fingerprint">
            {groups.join(" ")}
          </Text>
          <Badge>{t(`keys.status.${v.key.status}`)}</Badge>
        </Stack>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t("keys.claimed")}
          </Title>
          <Fact label={t("keys.signedName")} value={v.claimed.signedOrgName} />
          <Fact label={t("keys.packageName")} value={v.claimed.packageOrgName} />
          <Fact label={t("keys.prefecture")} value={v.claimed.packagePrefecture} />
          <Fact label={t("keys.contact")} value={v.claimed.contactName} />
          <Fact label={t("keys.phone")} value={v.claimed.contactPhone} />
          <Fact
            label={t("keys.latest")}
            value={
              v.claimed.latestReference &&
              `${v.claimed.latestReference} (${formatWhen(v.claimed.latestReceivedAt)})`
            }
          />
          <Fact label={t("keys.reports")} value={v.claimed.reportCount} />
        </Stack>
      </SimpleGrid>
      {v.sameNameKeys.length > 0 && (
        <Stack gap={2} mt="sm">
          <Text size="sm" fw={600}>
            {t("keys.sameName")}
          </Text>
          {v.sameNameKeys.map((k) => (
            <Text key={k.fingerprint} size="xs" ff="monospace" style={{ wordBreak: "break-all" }}>
              {k.fingerprint} · {t(`keys.status.${k.status}`)} · {unitName(k.unitId)} ·{" "}
              {formatWhen(k.registeredAt)}
            </Text>
          ))}
        </Stack>
      )}
      <Group mt="md" gap="xs">
        {v.key.status !== "active" && (
          <Button onClick={() => setStatus.mutate({ id: v.key.id, status: "active" })}>
            {t("keys.confirm")}
          </Button>
        )}
        {v.key.status !== "revoked" && (
          <Button
            color="red"
            variant="light"
            onClick={() => setStatus.mutate({ id: v.key.id, status: "revoked" })}
          >
            {t("keys.revoke")}
          </Button>
        )}
      </Group>
    </Card>
  );
}
