import { Badge, Button, Card, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import type { TSignerKey } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";

const COLOR = { installation: "blue", kit: "teal", person: "grape" } as const;

/** Keys this installation knows as evidence signers; an administrator adds or removes keys by hand. */
export function SignerKeysCard({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation("evidence");
  const queryClient = useQueryClient();
  const [label, setLabel] = useState("");
  const [pem, setPem] = useState("");
  const keys = useQuery({
    queryKey: ["evidence", "signer-keys"],
    queryFn: () => api<TSignerKey[]>("GET", "/api/evidence/signer-keys"),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["evidence"] });
  const add = useMutation({
    mutationFn: () => api<TSignerKey>("POST", "/api/evidence/signer-keys", { label, publicKeyPem: pem }),
    onSuccess: async () => {
      setLabel("");
      setPem("");
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api<void>("DELETE", `/api/evidence/signer-keys/${id}`),
    onSuccess: refresh,
  });
  return (
    <Card withBorder data-testid="signer-keys">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t("keys.title")}
        </Title>
        <Text size="sm">{t("keys.intro")}</Text>
        <FormError error={keys.error ?? remove.error} />
        <Table>
          <Table.Tbody>
            {keys.data?.map((k) => (
              <Table.Tr key={k.fingerprint}>
                <Table.Td>
                  <Badge color={COLOR[k.kind]}>{t(`keys.kind.${k.kind}`)}</Badge>
                </Table.Td>
                <Table.Td>
                  {k.label}
                  {k.issuedTo && <Text size="xs">{t("keys.issuedTo", { issuedTo: k.issuedTo })}</Text>}
                  <Text size="xs" ff="monospace" c="dimmed" style={{ wordBreak: "break-all" }}>
                    {k.fingerprint}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {isAdmin && k.kind === "person" && k.id && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => k.id && remove.mutate(k.id)}
                    >
                      {t("keys.remove")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {isAdmin && (
          <>
            <TextInput
              label={t("keys.label")}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
            />
            <Textarea
              label={t("keys.pem")}
              value={pem}
              onChange={(e) => setPem(e.currentTarget.value)}
              autosize
              minRows={3}
              ff="monospace"
            />
            <Button
              variant="light"
              onClick={() => add.mutate()}
              loading={add.isPending}
              disabled={!label.trim() || !pem.trim()}
            >
              {t("keys.add")}
            </Button>
            <FormError error={add.error} />
          </>
        )}
      </Stack>
    </Card>
  );
}
