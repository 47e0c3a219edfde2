import { Alert, Button, Code, Group, Select, Stack, Table, Text } from "@mantine/core";
import { HUB_CARD_BRANDS } from "@sonae/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, apiDownload } from "../../api/client";
import { FormError } from "../../components/form-error";
import { useCardBatches } from "./cards-api";

async function download(id: string) {
  const { blob, fileName } = await apiDownload("GET", `/api/hub/cards/batches/${id}/file`);
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(a.href);
}

/** The national card role's batches: build, manifests, the encrypted file, re-issue and the sent record. */
export function CardBatchesPanel() {
  const { t } = useTranslation("hubCards");
  const qc = useQueryClient();
  const batches = useCardBatches(true);
  const refresh = () => qc.invalidateQueries({ queryKey: ["hub", "cards"] });
  // The server builds one brand's batch when asked ({brand}); "all" builds every brand with waiting numbers.
  const [brand, setBrand] = useState("all");
  const act = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) => api<unknown>("POST", path, body ?? {}),
    onSuccess: refresh,
  });
  const build = useMutation({
    mutationFn: () =>
      api<{ built: unknown[] }>("POST", "/api/hub/cards/batches", brand === "all" ? {} : { brand }),
    onSuccess: refresh,
  });
  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <Select
          label={t("batches.brand")}
          data={[
            { value: "all", label: t("batches.allBrands") },
            ...HUB_CARD_BRANDS.map((b) => ({ value: b, label: t(`brand.${b}`) })),
          ]}
          value={brand}
          onChange={(v) => setBrand(v ?? "all")}
          allowDeselect={false}
          w={220}
        />
        <Button onClick={() => build.mutate()} loading={build.isPending}>
          {t("batches.build")}
        </Button>
      </Group>
      {build.data && (
        <Alert color={build.data.built.length ? "green" : "gray"} data-testid="card-batches-built">
          {build.data.built.length ? t("batches.built", { n: build.data.built.length }) : t("batches.none")}
        </Alert>
      )}
      <FormError error={build.error ?? act.error ?? batches.error} />
      <Table.ScrollContainer minWidth={900}>
        <Table striped data-testid="card-batches">
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={{ whiteSpace: "nowrap" }}>{t("cols.brand")}</Table.Th>
              <Table.Th>{t("batches.count")}</Table.Th>
              <Table.Th>{t("batches.range")}</Table.Th>
              <Table.Th>{t("batches.sha")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {batches.data?.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>
                  {t(`brand.${b.brand}`)}
                  {b.reissueOf && (
                    <Text size="xs">{t("batches.reissueOf", { id: b.reissueOf.slice(0, 8) })}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {b.count}
                  <Text size="xs">{t("batches.exposure", b.manifest.exposure)}</Text>
                </Table.Td>
                <Table.Td>
                  {b.manifest.learnedFrom} – {b.manifest.learnedTo}
                </Table.Td>
                <Table.Td>
                  <Code>{b.manifest.fileSha256.slice(0, 16)}…</Code>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Button size="xs" variant="light" onClick={() => void download(b.id)}>
                      {t("batches.download")}
                    </Button>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => act.mutate({ path: `/api/hub/cards/batches/${b.id}/reissue` })}
                    >
                      {t("batches.reissue")}
                    </Button>
                    {b.sentAt ? (
                      <Text size="xs">
                        {t("batches.sent", { at: b.sentAt.slice(0, 16).replace("T", " ") })}
                      </Text>
                    ) : (
                      <Button
                        size="xs"
                        onClick={() => act.mutate({ path: `/api/hub/cards/batches/${b.id}/sent` })}
                      >
                        {t("batches.markSent")}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
