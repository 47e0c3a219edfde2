import { Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";

type OrgKey = {
  id: string;
  fingerprint: string;
  orgName: string;
  unitId: number;
  status: "pending" | "active" | "revoked";
};

/** Enrolment: a unit admin confirms a reporting organisation's key after checking its fingerprint by phone. */
export function OrgKeysPanel() {
  const { t } = useTranslation("hub");
  const client = useQueryClient();
  const keys = useQuery({
    queryKey: ["hub", "org-keys"],
    queryFn: () => api<OrgKey[]>("GET", "/api/hub/org-keys"),
  });
  const set = useMutation({
    mutationFn: (v: { id: string; status: "active" | "revoked" }) =>
      api("POST", `/api/hub/org-keys/${v.id}/status`, { status: v.status }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["hub", "org-keys"] }),
  });
  return (
    <Card withBorder>
      <Title order={3} size="h4">
        {t("keys")}
      </Title>
      <FormError error={keys.error ?? set.error} />
      <Stack gap="xs" mt="xs">
        {keys.data?.map((k) => (
          <Group key={k.id} justify="space-between" wrap="wrap">
            <Stack gap={0}>
              <Text fw={600}>{k.orgName}</Text>
              <Text size="xs" ff="monospace" style={{ wordBreak: "break-all" }}>
                {t("fingerprint")}: {k.fingerprint}
              </Text>
            </Stack>
            <Group gap="xs">
              <Badge>{t(`keyStatus.${k.status}`)}</Badge>
              {k.status !== "active" && (
                <Button size="xs" onClick={() => set.mutate({ id: k.id, status: "active" })}>
                  {t("confirmKey")}
                </Button>
              )}
              {k.status !== "revoked" && (
                <Button
                  size="xs"
                  color="red"
                  variant="light"
                  onClick={() => set.mutate({ id: k.id, status: "revoked" })}
                >
                  {t("revokeKey")}
                </Button>
              )}
            </Group>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
