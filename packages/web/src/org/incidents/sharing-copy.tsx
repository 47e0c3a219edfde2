import { Button, Group, Stack, Table, Text } from "@mantine/core";
import type { TSharePreview } from "@sonae/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";

/** The sharing copy: a preview of what is removed (audited), then the PDF and STIX downloads. */
export function SharingCopy({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation("incidentExport");
  const preview = useMutation({
    mutationFn: () => api<TSharePreview>("GET", `/api/incidents/${incidentId}/share-preview`),
  });
  const removed = preview.data?.removed ?? [];
  return (
    <Stack gap="sm">
      <Text size="sm">{t("share.help")}</Text>
      <Button variant="default" w="fit-content" onClick={() => preview.mutate()} loading={preview.isPending}>
        {t("share.preview")}
      </Button>
      <FormError error={preview.error} />
      {preview.data && (
        <Table withTableBorder aria-label={t("share.removed", { count: removed.length })}>
          <Table.Caption>{t("share.removed", { count: removed.length })}</Table.Caption>
          <Table.Tbody>
            {removed.map((r) => (
              <Table.Tr key={`${r.kind}-${r.value}`}>
                <Table.Td>{t(`share.kinds.${r.kind}`, { defaultValue: r.kind })}</Table.Td>
                <Table.Td>{r.value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        {(["share-pdf", "share-stix"] as const).map((f) => (
          <Button
            key={f}
            component="a"
            href={`/api/incidents/${incidentId}/export/${f}`}
            download
            variant="light"
          >
            {t(f === "share-pdf" ? "share.pdf" : "share.stix")}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
