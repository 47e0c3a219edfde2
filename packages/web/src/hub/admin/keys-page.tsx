import { Badge, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../components/form-error";
import { formatWhen } from "../../components/hub-exchange/hub-exchange";
import { useOrgKeys } from "./admin-api";
import { KeyConfirmation } from "./key-confirmation";
import { useUnitName } from "./unit-name";

/** Organisation keys of the admin's prefecture (all for the national unit), each opening its confirmation view. */
export function KeysPage() {
  const { t } = useTranslation("hubAdmin");
  const unitName = useUnitName();
  const keys = useOrgKeys();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{t("keys.title")}</Title>
      <Text size="sm">{t("keys.intro")}</Text>
      <FormError error={keys.error} />
      {open && <KeyConfirmation id={open} />}
      <Table.ScrollContainer minWidth={720}>
        <Table striped data-testid="keys-table">
          <Table.Tbody>
            {keys.data?.map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {k.orgName}
                  </Text>
                  <Text size="xs" ff="monospace" c="dimmed" style={{ wordBreak: "break-all" }}>
                    {k.fingerprint}
                  </Text>
                </Table.Td>
                <Table.Td>{unitName(k.unitId)}</Table.Td>
                <Table.Td>{formatWhen(k.registeredAt)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge
                      color={k.status === "active" ? "green" : k.status === "revoked" ? "gray" : "orange"}
                    >
                      {t(`keys.status.${k.status}`)}
                    </Badge>
                    {k.nameClaimedEarlier && k.status !== "active" && (
                      <Badge color="red">{t("identity.warnings.name_claimed_by_other_key")}</Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => setOpen(k.id)}>
                    {t("keys.open")}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {keys.data?.length === 0 && <Text c="dimmed">{t("keys.none")}</Text>}
    </Stack>
  );
}
