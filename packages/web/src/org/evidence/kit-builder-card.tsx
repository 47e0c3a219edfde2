import {
  Button,
  Card,
  Checkbox,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TSignerKey } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, apiDownload } from "../../api/client";
import { FormError } from "../../components/form-error";
import { evidencePath, formatJst } from "./evidence-api";

/**
 * Builds a preconfigured collector kit for this incident (one executable, no installation) and
 * downloads it; lists the kits issued so far with whom they were issued to.
 */
export function KitBuilderCard({ incidentId, canWrite }: { incidentId: string; canWrite: boolean }) {
  const { t } = useTranslation("evidence");
  const queryClient = useQueryClient();
  const [platform, setPlatform] = useState<"windows-x64" | "linux-x64">("windows-x64");
  const [issuedTo, setIssuedTo] = useState("");
  const [extraPaths, setExtraPaths] = useState("");
  const [encrypt, setEncrypt] = useState(true);
  // Off by default: many affected machines must not (or cannot) reach the network.
  const [upload, setUpload] = useState(false);
  const kits = useQuery({
    queryKey: ["evidence", "kits", incidentId],
    queryFn: () => api<TSignerKey[]>("GET", `${evidencePath(incidentId)}/kits`),
  });
  const build = useMutation({
    mutationFn: () =>
      apiDownload("POST", `${evidencePath(incidentId)}/kits`, {
        platform,
        issuedTo,
        encrypt,
        uploadUrl: upload ? window.location.origin : null,
        extraPaths: extraPaths
          .split("\n")
          .map((p) => p.trim())
          .filter(Boolean),
      }),
    onSuccess: async ({ blob, fileName }) => {
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      link.click();
      URL.revokeObjectURL(url);
      notifications.show({ message: t("kit.done", { fileName }) });
      await queryClient.invalidateQueries({ queryKey: ["evidence", "kits", incidentId] });
    },
  });
  return (
    <Card withBorder data-testid="kit-builder">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t("kit.title")}
        </Title>
        <Text size="sm">{t("kit.intro")}</Text>
        {canWrite && (
          <>
            <Select
              label={t("kit.platform")}
              data={[
                { value: "windows-x64", label: t("kit.windows") },
                { value: "linux-x64", label: t("kit.linux") },
              ]}
              value={platform}
              onChange={(v) => v && setPlatform(v as typeof platform)}
              allowDeselect={false}
            />
            <TextInput
              label={t("kit.issuedTo")}
              value={issuedTo}
              onChange={(e) => setIssuedTo(e.currentTarget.value)}
              required
            />
            <Textarea
              label={t("kit.extraPaths")}
              description={t("kit.extraPathsHelp")}
              value={extraPaths}
              onChange={(e) => setExtraPaths(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Checkbox
              label={t("kit.encrypt")}
              description={t("kit.encryptHelp")}
              checked={encrypt}
              onChange={(e) => setEncrypt(e.currentTarget.checked)}
            />
            <Checkbox
              label={t("kit.upload")}
              description={t("kit.uploadHelp", { url: window.location.origin })}
              checked={upload}
              onChange={(e) => setUpload(e.currentTarget.checked)}
              data-testid="kit-upload"
            />
            <Button
              onClick={() => build.mutate()}
              loading={build.isPending}
              disabled={issuedTo.trim() === ""}
            >
              {t("kit.build")}
            </Button>
            {build.isPending && (
              <Text size="xs" c="dimmed">
                {t("kit.building")}
              </Text>
            )}
            <FormError error={build.error} />
            <Text size="xs" c="dimmed">
              {t("kit.run")}
            </Text>
          </>
        )}
        <FormError error={kits.error} />
        {kits.data && kits.data.length > 0 && (
          <Table data-testid="kit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("kit.id")}</Table.Th>
                <Table.Th>{t("kit.issuedTo")}</Table.Th>
                <Table.Th>{t("kit.issuedAt")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {kits.data.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Td>
                    {k.kitId} ({k.platform})
                    <Text size="xs" ff="monospace" c="dimmed" style={{ wordBreak: "break-all" }}>
                      {k.fingerprint}
                    </Text>
                  </Table.Td>
                  <Table.Td>{k.issuedTo}</Table.Td>
                  <Table.Td>{k.createdAt ? formatJst(k.createdAt) : ""}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
