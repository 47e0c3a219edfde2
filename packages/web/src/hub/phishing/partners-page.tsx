import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  Group,
  MultiSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";
import { useUrlFeeds, useUrlPartners } from "./phishing-api";

/** Partners (submitters) and feed consumers of the unit: register, grant feeds, issue and revoke tokens. */
export function PartnersPage() {
  const { t, i18n } = useTranslation("hubPhishing");
  const en = i18n.language.startsWith("en");
  const client = useQueryClient();
  const partners = useUrlPartners();
  const feeds = useUrlFeeds();
  const [form, setForm] = useState({
    name: "",
    canSubmit: false,
    dailyQuota: 100_000,
    feeds: [] as string[],
  });
  const [issued, setIssued] = useState<{ partner: string; token: string } | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ["hub", "url-partners"] });
  const create = useMutation({
    mutationFn: () => api("POST", "/api/hub/url-partners", form),
    onSuccess: () => {
      setForm({ name: "", canSubmit: false, dailyQuota: 100_000, feeds: [] });
      void refresh();
    },
  });
  const issue = useMutation({
    mutationFn: (p: { id: string; name: string }) =>
      api<{ token: string }>("POST", `/api/hub/url-partners/${p.id}/tokens`, {}).then((r) => ({
        partner: p.name,
        token: r.token,
      })),
    onSuccess: (r) => {
      setIssued(r);
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (p: { id: string; tokenId: string }) =>
      api("POST", `/api/hub/url-partners/${p.id}/tokens/${p.tokenId}/revoke`, {}),
    onSuccess: () => refresh(),
  });
  return (
    <Stack gap="md">
      <Title order={2}>{t("partners.title")}</Title>
      <Text fz="sm">{t("partners.intro")}</Text>
      {issued && (
        <Alert color="yellow" data-testid="issued-token" withCloseButton onClose={() => setIssued(null)}>
          {t("partners.tokenOnce")} ({issued.partner})<Code block>{issued.token}</Code>
        </Alert>
      )}
      <Card
        withBorder
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Group align="end">
          <TextInput
            label={t("partners.name")}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            required
            maxLength={200}
          />
          <Checkbox
            label={t("partners.canSubmit")}
            checked={form.canSubmit}
            onChange={(e) => setForm({ ...form, canSubmit: e.currentTarget.checked })}
          />
          <NumberInput
            label={t("partners.quota")}
            value={form.dailyQuota}
            min={0}
            max={10_000_000}
            onChange={(v) => setForm({ ...form, dailyQuota: Number(v) || 0 })}
            w={200}
          />
          <MultiSelect
            label={t("partners.feeds")}
            value={form.feeds}
            onChange={(v) => setForm({ ...form, feeds: v })}
            data={(feeds.data ?? []).map((f) => ({
              value: f.name,
              label: `${f.name} — ${en ? f.titleEn : f.titleJa}`,
            }))}
            w={320}
          />
          <Button type="submit" disabled={!form.name.trim()} loading={create.isPending}>
            {t("partners.create")}
          </Button>
        </Group>
        <FormError error={create.error ?? issue.error ?? revoke.error} />
      </Card>
      <FormError error={partners.error} />
      {partners.data?.length === 0 && <Text>{t("partners.none")}</Text>}
      {partners.data && partners.data.length > 0 && (
        <Table striped fz="sm" data-testid="partners-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("partners.name")}</Table.Th>
              <Table.Th>{t("partners.canSubmit")}</Table.Th>
              <Table.Th>{t("partners.quota")}</Table.Th>
              <Table.Th>{t("partners.feeds")}</Table.Th>
              <Table.Th>{t("partners.tokens")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {partners.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{p.canSubmit ? "✓" : "—"}</Table.Td>
                <Table.Td>{p.dailyQuota.toLocaleString()}</Table.Td>
                <Table.Td>{p.feeds.join(", ") || "—"}</Table.Td>
                <Table.Td>
                  {p.tokens.map((tk) => (
                    <Group key={tk.id} gap={4}>
                      <Code>{tk.prefix}…</Code>
                      {tk.revoked ? (
                        <Badge size="xs" color="gray">
                          {t("partners.revoked")}
                        </Badge>
                      ) : (
                        <Button
                          size="compact-xs"
                          color="red"
                          variant="subtle"
                          onClick={() => revoke.mutate({ id: p.id, tokenId: tk.id })}
                        >
                          {t("partners.revoke")}
                        </Button>
                      )}
                    </Group>
                  ))}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => issue.mutate({ id: p.id, name: p.name })}
                  >
                    {t("partners.issue")}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
