import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TDeviceInput, TDeviceListResponse, TDeviceResponse, TKevCatalogStatus } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../../api/client";
import { useSession } from "../../../api/session";
import { FormError } from "../../../components/form-error";
import { formatDate } from "../../../i18n/format";
import { DeviceForm } from "./device-form";
import { DeviceImportPanel } from "./device-import-panel";
import { KevCatalogLine } from "./kev-catalog-line";

export const DEVICES_KEY = ["readiness", "devices"];

/** The register: each device with its KEV match count; add, import, export; admins fetch a newer catalogue. */
export function DevicesList() {
  const { t } = useTranslation("readiness");
  const { data: session } = useSession();
  const role = session?.user?.role;
  const canEdit = role === "admin" || role === "member";
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: DEVICES_KEY,
    queryFn: () => api<TDeviceListResponse>("GET", "/api/readiness/devices"),
  });
  const [adding, setAdding] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["readiness"] });
  const create = useMutation({
    mutationFn: (input: TDeviceInput) => api<TDeviceResponse>("POST", "/api/readiness/devices", input),
    onSuccess: async () => {
      setAdding(false);
      await refresh();
    },
  });
  const fetchCatalog = useMutation({
    mutationFn: () => api<TKevCatalogStatus>("POST", "/api/readiness/kev/fetch"),
    onSuccess: async (s) => {
      notifications.show({
        color: "green",
        message: t("devices.fetched", { version: s.current.catalogVersion }),
      });
      await refresh();
    },
  });
  const data = query.data;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3}>{t("devices.title")}</Title>
        <Group gap="xs">
          {canEdit && (
            <Button
              onClick={() => {
                create.reset();
                setAdding(true);
              }}
            >
              {t("devices.add")}
            </Button>
          )}
          <Button component="a" variant="default" href="/api/readiness/devices/export?format=csv" download>
            {t("devices.exportCsv")}
          </Button>
          <Button component="a" variant="default" href="/api/readiness/devices/export?format=xlsx" download>
            {t("devices.exportXlsx")}
          </Button>
        </Group>
      </Group>
      {data && (
        <Group gap="xs">
          <KevCatalogLine catalog={data.catalog} />
          {role === "admin" && (
            <Button
              size="compact-xs"
              variant="subtle"
              loading={fetchCatalog.isPending}
              onClick={() => fetchCatalog.mutate()}
            >
              {t("devices.fetchCatalog")}
            </Button>
          )}
        </Group>
      )}
      <FormError error={query.error ?? fetchCatalog.error} />
      {data && data.devices.length === 0 && <Text>{t("devices.none")}</Text>}
      {data && data.devices.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table data-testid="devices-table" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("devices.fields.name")}</Table.Th>
                <Table.Th>KEV</Table.Th>
                <Table.Th>{t("devices.fields.type")}</Table.Th>
                <Table.Th>{t("devices.fields.product")}</Table.Th>
                <Table.Th>{t("devices.fields.mfaEnabled")}</Table.Th>
                <Table.Th>{t("devices.fields.lastPatchedAt")}</Table.Th>
                <Table.Th>{t("devices.fields.logLocation")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.devices.map((d) => {
                const relevant = d.kevMatches.filter((m) => m.versionVerdict !== "not-affected-by-version");
                const ransomware = relevant.some((m) => m.knownRansomwareCampaignUse === "Known");
                return (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      <Anchor component={Link} to={d.id}>
                        {d.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {relevant.length === 0 ? (
                        <Text size="sm">{t("devices.kevNone")}</Text>
                      ) : (
                        <Group gap={4}>
                          <Badge color="red">{t("devices.kevCount", { count: relevant.length })}</Badge>
                          {ransomware && <Badge color="dark">{t("devices.ransomware")}</Badge>}
                          <Text size="xs" ff="monospace" w="100%">
                            {relevant
                              .slice(0, 3)
                              .map((m) => `${m.cveID} (${formatDate(m.dueDate)})`)
                              .join(", ")}
                            {relevant.length > 3 ? ` +${relevant.length - 3}` : ""}
                          </Text>
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`devices.types.${d.type}`)}</Table.Td>
                    <Table.Td>
                      {d.vendor} {d.product} {d.version}
                    </Table.Td>
                    <Table.Td>
                      {d.mfaEnabled === null
                        ? t("devices.mfa.unknown")
                        : t(d.mfaEnabled ? "devices.mfa.yes" : "devices.mfa.no")}
                    </Table.Td>
                    <Table.Td>{d.lastPatchedAt}</Table.Td>
                    <Table.Td>{d.logLocation && t(`devices.logLocations.${d.logLocation}`)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canEdit && <DeviceImportPanel onImported={() => void refresh()} />}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t("devices.add")} size="xl">
        <DeviceForm
          onSubmit={(input) => create.mutate(input)}
          onCancel={() => setAdding(false)}
          pending={create.isPending}
          error={create.error}
        />
      </Modal>
    </Stack>
  );
}
