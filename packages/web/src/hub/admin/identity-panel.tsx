import { Alert, Badge, Group, Stack, Text } from "@mantine/core";
import type { THubIdentity } from "@sonae/core";
import { useTranslation } from "react-i18next";

/** Badges for a queue row: one per identity warning (nothing for a public report or a clean one). */
export function IdentityBadges(props: { identity: THubIdentity }) {
  const { t } = useTranslation("hubAdmin");
  return (
    <Group gap={4}>
      {props.identity.warnings.map((w) => (
        <Badge key={w} color={w === "unconfirmed_key" ? "orange" : "red"} variant="light">
          {t(`identity.warnings.${w}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** On the case page: who signed, the fingerprint, both organisation names, and every warning. */
export function IdentityPanel(props: { identity: THubIdentity }) {
  const { t } = useTranslation("hubAdmin");
  const id = props.identity;
  if (id.keyStatus === null && id.signedOrgName === null) return null;
  const warn = id.warnings.length > 0;
  return (
    <Alert color={warn ? "red" : "green"} title={t("identity.title")} data-testid="case-identity">
      <Stack gap={4}>
        {warn ? <IdentityBadges identity={id} /> : <Text size="sm">{t("identity.ok")}</Text>}
        <Text size="sm">
          {t("identity.signedName")}: {id.signedOrgName}
        </Text>
        <Text size="sm">
          {t("identity.packageName")}: {id.packageOrgName ?? "—"}
        </Text>
        <Text size="xs" ff="monospace" style={{ wordBreak: "break-all" }}>
          {t("identity.keyFingerprint")}: {id.keyFingerprint ?? "—"}
        </Text>
      </Stack>
    </Alert>
  );
}
