import { Alert, Button, Card, FileInput, Group, Select, Stack, Text, Title } from "@mantine/core";
import type { TKevCatalogStatus, TKevUploadRequest } from "@sonae/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client";
import { FormError } from "../../../components/form-error";
import { formatDate } from "../../../i18n/format";
import { readAsBase64 } from "./device-import-panel";

const KEV_STATUS_KEY = ["readiness", "kev"];

/**
 * Admins of a machine without internet load a KEV catalogue or NVD records fetched elsewhere. The server
 * validates the file before storing it; the data in use is shown with its dates.
 */
export function KevUploadPanel({ onLoaded }: { onLoaded: () => void }) {
  const { t } = useTranslation("readiness");
  const [kind, setKind] = useState<TKevUploadRequest["kind"]>("catalog");
  const [file, setFile] = useState<File | null>(null);
  const status = useQuery({
    queryKey: KEV_STATUS_KEY,
    queryFn: () => api<TKevCatalogStatus>("GET", "/api/readiness/kev"),
  });
  const upload = useMutation({
    mutationFn: async (f: File) =>
      api<TKevCatalogStatus>("POST", "/api/readiness/kev/upload", {
        kind,
        fileName: f.name,
        contentBase64: await readAsBase64(f),
      }),
    onSuccess: async () => {
      setFile(null);
      await status.refetch();
      onLoaded();
    },
  });
  const s = upload.data ?? status.data;
  return (
    <Card withBorder data-testid="kev-upload">
      <Stack gap="sm">
        <Title order={4} size="h5">
          {t("devices.upload.title")}
        </Title>
        <Text size="sm">{t("devices.upload.help")}</Text>
        <Select
          label={t("devices.upload.kind")}
          value={kind}
          allowDeselect={false}
          onChange={(v) => v && setKind(v as TKevUploadRequest["kind"])}
          data={(["catalog", "nvd"] as const).map((k) => ({
            value: k,
            label: t(`devices.upload.kinds.${k}`),
          }))}
        />
        <FileInput
          label={t("devices.upload.file")}
          placeholder={t("common.chooseFile", { ns: "translation" })}
          accept=".json,.gz,application/json,application/gzip"
          value={file}
          onChange={setFile}
          clearable
        />
        <Group>
          <Button
            variant="light"
            disabled={!file}
            loading={upload.isPending}
            onClick={() => file && upload.mutate(file)}
          >
            {t("devices.upload.submit")}
          </Button>
        </Group>
        <FormError error={upload.error ?? status.error} />
        {upload.data && (
          <Alert color="green">
            {t("devices.upload.done", {
              version: upload.data.current.catalogVersion,
              date: formatDate(upload.data.current.nvd.retrieved),
            })}
          </Alert>
        )}
        {s?.nvd.map((r) => (
          <Text key={r.origin} size="xs" c={r.problem ? "red" : "dimmed"}>
            {t("devices.upload.files", { origin: r.origin, date: r.retrieved, count: r.count })}
            {r.problem ? ` ⚠ ${r.problem}` : ""}
          </Text>
        ))}
        {s && (
          <Text size="xs" c="dimmed">
            {s.nvdNotice}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
