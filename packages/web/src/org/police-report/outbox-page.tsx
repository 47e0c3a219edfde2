import { Alert, Button, Card, Select, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { PREFECTURES, type TIncidentSummary, type TOrganisation } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";
import { AdvisoryFeedPanel } from "./advisory-feed-panel";
import { OutboxEntry } from "./outbox-entry";

type Link = {
  fingerprint: string;
  defaultHubUrl: string | null;
  sent: { reference: string; hubUrl: string; title: string; createdAt: string }[];
};

/** Organisation side: send an incident's report package to the police hub, then follow status and messages. */
export function OutboxPage() {
  const { t, i18n } = useTranslation("policeReport");
  const client = useQueryClient();
  const link = useQuery({ queryKey: ["hub-link"], queryFn: () => api<Link>("GET", "/api/hub-link") });
  const org = useQuery({
    queryKey: ["organisation"],
    queryFn: () => api<TOrganisation>("GET", "/api/organisation"),
  });
  const incidents = useQuery({
    queryKey: ["incidents"],
    queryFn: () => api<{ incidents: TIncidentSummary[] }>("GET", "/api/incidents"),
    retry: false,
  });
  const [hubUrl, setHubUrl] = useState("");
  const [prefecture, setPrefecture] = useState<string | null>(null);
  const [incidentId, setIncidentId] = useState<string | null>(null);
  const [json, setJson] = useState("");
  useEffect(() => {
    if (link.data?.defaultHubUrl && !hubUrl) setHubUrl(link.data.defaultHubUrl);
  }, [link.data, hubUrl]);
  useEffect(() => {
    if (org.data && !prefecture) setPrefecture(org.data.prefectureCode);
  }, [org.data, prefecture]);
  const send = useMutation({
    mutationFn: async () => {
      // The package is the incident's own JSON export (documents' schema), or a pasted one.
      const payload = incidentId
        ? await fetch(`/api/incidents/${incidentId}/export/json`, { credentials: "same-origin" }).then((r) =>
            r.json(),
          )
        : JSON.parse(json);
      return api("POST", "/api/hub-link/submissions", {
        hubUrl,
        prefectureCode: prefecture,
        payload,
        incidentId: incidentId ?? undefined,
      });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ["hub-link"] }),
  });
  const en = i18n.language.startsWith("en");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  return (
    <Stack maw={880} gap="md">
      <Title order={2}>{t("outboxTitle")}</Title>
      <Text>{t("outboxIntro")}</Text>
      <Alert color="blue">{t("hubExchange:noPublication")}</Alert>
      <FormError error={link.error} />
      {link.data && (
        <Text size="sm" ff="monospace" style={{ wordBreak: "break-all" }}>
          {t("ourFingerprint")}: {link.data.fingerprint}
        </Text>
      )}
      <Card withBorder component="form" onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t("hubUrl")}
            value={hubUrl}
            onChange={(e) => setHubUrl(e.currentTarget.value)}
            required
            placeholder="https://"
          />
          <Select
            label={t("hubExchange:prefecture")}
            value={prefecture}
            onChange={setPrefecture}
            searchable
            data={PREFECTURES.map((p) => ({
              value: p.code,
              label: `${p.code} ${en ? p.nameEn : p.policeJa}`,
            }))}
          />
          <Select
            label={t("incident")}
            placeholder={t("choose")}
            value={incidentId}
            onChange={setIncidentId}
            clearable
            data={(incidents.data?.incidents ?? [])
              .filter((i) => i.status !== "draft")
              .map((i) => ({ value: i.id, label: `${i.reference} ${i.title}` }))}
          />
          {!incidentId && (
            <Textarea
              label={t("packageJson")}
              value={json}
              onChange={(e) => setJson(e.currentTarget.value)}
              autosize
              minRows={3}
              maxRows={10}
            />
          )}
          <FormError error={send.error} />
          <Button
            type="submit"
            color="red"
            loading={send.isPending}
            disabled={!hubUrl || !prefecture || (!incidentId && !json.trim())}
          >
            {t("sendReport")}
          </Button>
        </Stack>
      </Card>
      <Title order={3}>{t("sent")}</Title>
      {link.data?.sent.length === 0 && <Text size="sm">{t("noneSent")}</Text>}
      {link.data?.sent.map((s) => (
        <OutboxEntry key={s.reference} entry={s} />
      ))}
      <AdvisoryFeedPanel />
    </Stack>
  );
}
