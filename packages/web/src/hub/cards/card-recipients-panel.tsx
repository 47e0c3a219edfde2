import { Badge, Button, Code, Select, Stack, Table, Textarea, TextInput } from "@mantine/core";
import { HUB_CARD_BRANDS } from "@sonae/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";
import { useCardRecipients } from "./cards-api";

/** Brand recipients' OpenPGP public keys (national unit admins register; the card role reads). */
export function CardRecipientsPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation("hubCards");
  const qc = useQueryClient();
  const list = useCardRecipients(true);
  const [brand, setBrand] = useState<string>("visa");
  const [name, setName] = useState("");
  const [key, setKey] = useState("");
  const save = useMutation({
    mutationFn: () =>
      api<unknown>("POST", "/api/hub/cards/recipients", { brand, name, publicKeyArmored: key }),
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
        </Stack>
      )}
      <FormError error={list.error} />
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
    </Stack>
  );
}
