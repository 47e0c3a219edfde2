import { Alert, Badge, Button, Code, Select, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { HUB_CARD_BRANDS } from "@sonae/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";
import { type CardRecipient, useCardRecipients } from "./cards-api";

/**
 * Brand recipients' OpenPGP public keys (national unit admins register; the card role reads). The
 * server lists them only to the card role (cards.batch), so an admin without it is not sent to a
 * refused request: the key just registered is confirmed from the save's own answer instead.
 */
export function CardRecipientsPanel({ canEdit, canList }: { canEdit: boolean; canList: boolean }) {
  const { t } = useTranslation("hubCards");
  const qc = useQueryClient();
  const list = useCardRecipients(canList);
  const [brand, setBrand] = useState<string>("visa");
  const [name, setName] = useState("");
  const [key, setKey] = useState("");
  const save = useMutation({
    mutationFn: () =>
      api<CardRecipient>("POST", "/api/hub/cards/recipients", { brand, name, publicKeyArmored: key }),
    onSuccess: () => {
      setKey("");
      void qc.invalidateQueries({ queryKey: ["hub", "cards", "recipients"] });
    },
  });
  return (
    <Stack gap="sm">
      {canEdit && (
        <Stack gap="xs" maw={640}>
          <Select
            label={t("recipients.brand")}
            data={HUB_CARD_BRANDS.map((b) => ({ value: b, label: t(`brand.${b}`) }))}
            value={brand}
            onChange={(v) => setBrand(v ?? "visa")}
          />
          <TextInput
            label={t("recipients.name")}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Textarea
            label={t("recipients.key")}
            value={key}
            onChange={(e) => setKey(e.currentTarget.value)}
            autosize
            minRows={4}
            ff="monospace"
          />
          <Button onClick={() => save.mutate()} disabled={!name || !key} loading={save.isPending}>
            {t("recipients.save")}
          </Button>
          <FormError error={save.error} />
          {save.data && (
            <Alert color="green" data-testid="card-recipient-saved">
              {t("recipients.saved", { brand: t(`brand.${save.data.brand}`), name: save.data.name })}{" "}
              <Code>{save.data.fingerprint}</Code>
            </Alert>
          )}
        </Stack>
      )}
      {!canList && <Text size="sm">{t("recipients.listByCardOfficer")}</Text>}
      <FormError error={list.error} />
      {canList && (
        <Table striped data-testid="card-recipients">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("recipients.brand")}</Table.Th>
              <Table.Th>{t("recipients.name")}</Table.Th>
              <Table.Th>{t("recipients.fingerprint")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{t(`brand.${r.brand}`)}</Table.Td>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>
                  <Code>{r.fingerprint}</Code>
                </Table.Td>
                <Table.Td>{r.active && <Badge>{t("recipients.active")}</Badge>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
