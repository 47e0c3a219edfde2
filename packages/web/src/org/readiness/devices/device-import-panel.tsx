import { Alert, Button, Card, FileInput, Group, Stack, Table, Text, Title } from "@mantine/core";
import type { TDeviceImportPreview, TDeviceImportResult } from "@sonae/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client";
import { FormError } from "../../../components/form-error";

async function readAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Two-step import: check the file (row errors, nothing written), then confirm to record every row at once. */
export function DeviceImportPanel({ onImported }: { onImported: () => void }) {
  const { t, i18n } = useTranslation("readiness");
  const lang = i18n.language === "en" ? "en" : "ja";
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const preview = useMutation({
    mutationFn: async (f: File) =>
      api<TDeviceImportPreview>("POST", "/api/readiness/devices/import/preview", {
        fileName: f.name,
        format: /\.xlsx$/i.test(f.name) ? "xlsx" : "csv",
        contentBase64: await readAsBase64(f),
      }),
    onMutate: () => setDone(null),
  });
  const confirm = useMutation({
    mutationFn: (token: string) =>
      api<TDeviceImportResult>("POST", "/api/readiness/devices/import/confirm", { token }),
    onSuccess: (res) => {
      setDone(res.imported);
      preview.reset();
      onImported();
    },
  });
  const p = preview.data;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={4} size="h5">
          {t("devices.import.title")}
        </Title>
        <Text size="sm">{t("devices.import.help")}</Text>
        <FileInput
          label={t("devices.import.file")}
          placeholder={t("common.chooseFile", { ns: "translation" })}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={setFile}
          clearable
        />
        <Group>
          <Button
            variant="light"
            disabled={!file}
            loading={preview.isPending}
            onClick={() => file && preview.mutate(file)}
          >
            {t("devices.import.preview")}
          </Button>
        </Group>
        <FormError error={preview.error ?? confirm.error} />
        {done !== null && <Alert color="green">{t("devices.import.done", { count: done })}</Alert>}
        {p && p.errors.length > 0 && (
          <Alert color="red" title={t("devices.import.errors", { count: p.errors.length })}>
            <Table.ScrollContainer minWidth={480}>
              <Table data-testid="import-errors">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("devices.import.row")}</Table.Th>
                    <Table.Th>{t("devices.import.column")}</Table.Th>
                    <Table.Th>{t("devices.import.message")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.errors.map((e) => (
                    <Table.Tr key={`${e.row}-${e.column}-${e.message.en}`}>
                      <Table.Td>{e.row}</Table.Td>
                      <Table.Td>{e.column}</Table.Td>
                      <Table.Td>{e.message[lang]}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Alert>
        )}
        {p?.token && (
          <Stack gap="xs" data-testid="import-ready">
            <Text>{t("devices.import.ready", { count: p.rows.length })}</Text>
            <Text size="sm" c="dimmed">
              {p.rows.map((r) => `${r.name}（${r.vendor} ${r.product}）`).join("、")}
            </Text>
            <Group>
              <Button loading={confirm.isPending} onClick={() => p.token && confirm.mutate(p.token)}>
                {t("devices.import.confirm", { count: p.rows.length })}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
