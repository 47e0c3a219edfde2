import { Alert, Anchor, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { TDevice, TDeviceInput, TDeviceResponse } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { api } from "../../../api/client";
import { useSession } from "../../../api/session";
import { FormError } from "../../../components/form-error";
import { DeviceForm } from "./device-form";
import { KevCatalogLine } from "./kev-catalog-line";
import { KevMatchesTable } from "./kev-matches-table";

const SHOWN: (keyof TDevice)[] = [
  "vendor",
  "product",
  "version",
  "usage",
  "location",
  "owner",
  "publicAddress",
  "lastPatchedAt",
  "pendingUpdates",
  "endOfSupport",
  "notes",
];

/** One device: its fields, where its logs live, and every KEV entry that applies, with the catalogue date. */
export function DeviceDetail() {
  const { t } = useTranslation("readiness");
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const canEdit = session?.user?.role === "admin" || session?.user?.role === "member";
  const query = useQuery({
    queryKey: ["readiness", "devices", id],
    queryFn: () => api<TDeviceResponse>("GET", `/api/readiness/devices/${id}`),
  });
  const [editing, setEditing] = useState(false);
  const update = useMutation({
    mutationFn: (input: TDeviceInput) => api<TDeviceResponse>("PUT", `/api/readiness/devices/${id}`, input),
    onSuccess: async () => {
      setEditing(false);
      await queryClient.invalidateQueries({ queryKey: ["readiness"] });
    },
  });
  const remove = useMutation({
    mutationFn: () => api<void>("DELETE", `/api/readiness/devices/${id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["readiness"] });
      navigate("..");
    },
  });
  const device = query.data?.device;
  return (
    <Stack gap="md">
      <Anchor component={Link} to=".." relative="path" size="sm">
        ← {t("devices.back")}
      </Anchor>
      <FormError error={query.error ?? remove.error} />
      {device && query.data && (
        <>
          <Group justify="space-between">
            <Title order={3}>{device.name}</Title>
            {canEdit && (
              <Group gap="xs">
                <Button variant="light" onClick={() => setEditing(true)}>
                  {t("devices.edit")}
                </Button>
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() =>
                    window.confirm(t("devices.deleteConfirm", { name: device.name })) && remove.mutate()
                  }
                >
                  {t("devices.delete")}
                </Button>
              </Group>
            )}
          </Group>
          {device.logLocation === "memory" && <Alert color="orange">{t("devices.memoryWarning")}</Alert>}
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <Field label={t("devices.fields.type")} value={t(`devices.types.${device.type}`)} />
              {SHOWN.map((key) => (
                <Field key={key} label={t(`devices.fields.${key}`)} value={device[key] as string | null} />
              ))}
              <Field
                label={t("devices.fields.mfaEnabled")}
                value={
                  device.mfaEnabled === null
                    ? t("devices.mfa.unknown")
                    : t(device.mfaEnabled ? "devices.mfa.yes" : "devices.mfa.no")
                }
              />
              <Field
                label={t("devices.fields.logLocation")}
                value={device.logLocation && t(`devices.logLocations.${device.logLocation}`)}
              />
            </SimpleGrid>
          </Card>
          <Title order={4}>{t("devices.kevTitle")}</Title>
          <KevCatalogLine catalog={query.data.catalog} />
          <KevMatchesTable matches={device.kevMatches} />
          <Modal opened={editing} onClose={() => setEditing(false)} title={t("devices.edit")} size="xl">
            <DeviceForm
              initial={device}
              onSubmit={(input) => update.mutate(input)}
              onCancel={() => setEditing(false)}
              pending={update.isPending}
              error={update.error}
            />
          </Modal>
        </>
      )}
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: string | null }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {/* Plain text only: values are typed by users and may contain anything. */}
      <Text size="sm">{value || "—"}</Text>
    </div>
  );
}
