import { Alert, Button, Select, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TEvidenceOverview, TTriageRun } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api } from "../../api/client";
import { useSession } from "../../api/session";
import { FormError } from "../../components/form-error";
import { BundleDetail } from "./bundle-detail";
import { CliInstructions } from "./cli-instructions";
import { evidencePath, formatBytes, formatJst } from "./evidence-api";
import { KitBuilderCard } from "./kit-builder-card";
import { SignerBadge } from "./signer-badge";
import { SignerKeysCard } from "./signer-keys-card";
import { TriagePanel } from "./triage-panel";
import { UploadCard } from "./upload-card";

/** The evidence page: the organisation's incidents with their bundles, upload, detail, triage. */
export function EvidencePage() {
  const { t } = useTranslation("evidence");
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const [selected, setSelected] = useState<string | null>(null);
  const overview = useQuery({
    queryKey: ["evidence", "overview"],
    queryFn: () => api<TEvidenceOverview>("GET", "/api/evidence"),
  });
  const incidentId = search.get("incident") ?? overview.data?.[0]?.incidentId ?? null;
  const incident = overview.data?.find((i) => i.incidentId === incidentId);
  const canWrite = session?.user?.role === "admin" || session?.user?.role === "member";
  const triage = useMutation({
    mutationFn: (sha256: string) =>
      api<TTriageRun>("POST", `${evidencePath(incidentId ?? "")}/${sha256}/triage`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["evidence", "runs", incidentId] });
      notifications.show({ message: t("triage.started") });
    },
  });
  return (
    <Stack gap="md">
      <Title order={2}>{t("title")}</Title>
      <Alert color="gray">{t("confidential")}</Alert>
      <FormError error={overview.error} />
      {overview.data?.length === 0 && <Text>{t("noIncidents")}</Text>}
      {overview.data && overview.data.length > 0 && (
        <Select
          label={t("chooseIncident")}
          data={overview.data.map((i) => ({
            value: i.incidentId,
            label: t("incidentOption", {
              reference: i.reference,
              // A draft has no title yet and the server falls back to the reference: show it once.
              title: i.title && i.title !== i.reference ? ` ${i.title}` : "",
              count: i.bundles.length,
            }),
          }))}
          value={incidentId}
          onChange={(v) => {
            setSelected(null);
            if (v) setSearch({ incident: v });
          }}
          maw={560}
        />
      )}
      {incident && (
        <>
          <Title order={3} size="h4">
            {t("bundles")}
          </Title>
          {incident.bundles.length === 0 ? (
            <Text size="sm">{t("noBundles")}</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped data-testid="bundle-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("col.file")}</Table.Th>
                    <Table.Th>{t("col.caseId")}</Table.Th>
                    <Table.Th>{t("col.size")}</Table.Th>
                    <Table.Th>{t("col.uploadedAt")}</Table.Th>
                    <Table.Th>{t("col.status")}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {incident.bundles.map((b) => (
                    <Table.Tr key={b.id}>
                      <Table.Td style={{ wordBreak: "break-all" }}>
                        {b.fileName}
                        <Text size="xs" ff="monospace" c="dimmed">
                          {b.sha256.slice(0, 16)}…
                        </Text>
                      </Table.Td>
                      <Table.Td>{b.caseId}</Table.Td>
                      <Table.Td>{formatBytes(b.sizeBytes)}</Table.Td>
                      <Table.Td>{formatJst(b.uploadedAt)}</Table.Td>
                      <Table.Td>
                        <SignerBadge bundle={b} />
                      </Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="light" onClick={() => setSelected(b.sha256)}>
                          {t("detail.open")}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {selected && (
            <BundleDetail
              key={selected}
              incidentId={incident.incidentId}
              sha256={selected}
              canWrite={canWrite}
              onTriage={() => triage.mutate(selected)}
              onClose={() => setSelected(null)}
            />
          )}
          <FormError error={triage.error} />
          <TriagePanel incidentId={incident.incidentId} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {canWrite && <UploadCard incidentId={incident.incidentId} onUploaded={setSelected} />}
            <KitBuilderCard incidentId={incident.incidentId} canWrite={canWrite} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <CliInstructions reference={incident.reference} />
            <SignerKeysCard isAdmin={session?.user?.role === "admin"} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
