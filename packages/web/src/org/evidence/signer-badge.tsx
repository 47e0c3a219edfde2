import { Badge, Stack, Text } from "@mantine/core";
import type { TEvidenceBundle } from "@sonae/core";
import { useTranslation } from "react-i18next";

/**
 * Verification and signer in one place: 検証済み only when the contents check out AND the signer is a
 * key this installation knows; a valid signature by an unknown key says so, with its fingerprint.
 */
export function SignerBadge({ bundle }: { bundle: Pick<TEvidenceBundle, "verified" | "signer"> }) {
  const { t } = useTranslation("evidence");
  const { verified, signer } = bundle;
  if (!verified) return <Badge color="red">{t("notVerified")}</Badge>;
  if (signer.status === "unknown") {
    return (
      <Stack gap={2}>
        <Badge color="orange" data-testid="signer-unknown">
          {t("signer.unknown")}
        </Badge>
        <Text size="xs" ff="monospace" c="dimmed" style={{ wordBreak: "break-all" }}>
          {signer.fingerprint}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={2}>
      <Badge color="green">{t("verified")}</Badge>
      <Text size="xs" c="dimmed">
        {signer.status === "kit"
          ? t("signer.kit", { kitId: signer.kitId, issuedTo: signer.issuedTo })
          : signer.status === "installation"
            ? t("signer.installation")
            : t("signer.person", { label: signer.label })}
      </Text>
    </Stack>
  );
}
