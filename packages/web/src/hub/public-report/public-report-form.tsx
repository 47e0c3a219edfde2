import { Alert, Button, Card, Select, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import {
  FRAUD_REPORT_KINDS,
  PREFECTURES,
  solvePow,
  type TFraudReportKind,
  type THubPowChallenge,
  type THubReceipt,
  type THubReportKind,
} from "@sonae/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";

/**
 * Report, consult or give information, for anyone. Bot friction is a proof of work the browser
 * solves before sending (no third-party CAPTCHA: nothing about the reporter leaves for elsewhere).
 */
export function PublicReportForm() {
  const { t, i18n } = useTranslation("publicReport");
  const navigate = useNavigate();
  const [kind, setKind] = useState<THubReportKind>("report");
  const [prefectureCode, setPrefecture] = useState<string | null>(null);
  const [fraudKind, setFraudKind] = useState<TFraudReportKind | "none">("none");
  const [form, setForm] = useState({
    name: "",
    contact: "",
    title: "",
    description: "",
    occurredAt: "",
    urls: "",
    sender: "",
    brand: "",
  });
  const field = (k: keyof typeof form) => ({
    value: form[k],
    onChange: (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value }),
  });
  const send = useMutation({
    mutationFn: async () => {
      const challenge = await api<THubPowChallenge>("GET", "/api/hub/public/challenge");
      const solution = await solvePow(challenge.challenge, challenge.bits);
      return api<THubReceipt>("POST", "/api/hub/public/reports", {
        kind,
        prefectureCode,
        title: form.title,
        description: form.description,
        ...(form.name.trim() ? { name: form.name } : {}),
        ...(form.contact.trim() ? { contact: form.contact } : {}),
        ...(form.occurredAt.trim() ? { occurredAt: form.occurredAt } : {}),
        ...(fraudKind !== "none"
          ? {
              fraud: {
                kind: fraudKind,
                urls: form.urls
                  .split(/\r?\n/)
                  .map((u) => u.trim())
                  .filter(Boolean),
                ...(form.sender.trim() ? { sender: form.sender } : {}),
                ...(form.brand.trim() ? { brand: form.brand } : {}),
              },
            }
          : {}),
        pow: { challenge: challenge.challenge, solution },
      });
    },
    // The token travels in the fragment: it never reaches server logs or Referer headers.
    onSuccess: (r) => navigate(`/report/status/${r.reference}#${r.receiptToken ?? ""}`),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  const en = i18n.language.startsWith("en");
  return (
    <Stack maw={720} gap="md" p="md" mx="auto">
      <Title order={2}>{t("publicTitle")}</Title>
      <Text>{t("publicIntro")}</Text>
      <Alert color="blue">{t("hubExchange:noPublication")}</Alert>
      <Card withBorder component="form" onSubmit={submit}>
        <Stack gap="sm">
          <Select
            label={t("formKind")}
            value={kind}
            onChange={(v) => v && setKind(v as THubReportKind)}
            data={(["report", "consultation", "information"] as const).map((k) => ({
              value: k,
              label: t(`hubExchange:kind.${k}`),
            }))}
          />
          <Select
            label={t("hubExchange:prefecture")}
            value={prefectureCode}
            onChange={setPrefecture}
            searchable
            required
            data={PREFECTURES.map((p) => ({ value: p.code, label: en ? p.nameEn : p.nameJa }))}
          />
          <TextInput label={t("name")} {...field("name")} maxLength={100} />
          <TextInput label={t("contact")} {...field("contact")} maxLength={200} />
          <TextInput label={t("titleLabel")} {...field("title")} required maxLength={300} />
          <Textarea
            label={t("description")}
            {...field("description")}
            required
            autosize
            minRows={5}
            maxLength={20000}
          />
          <TextInput label={t("occurredAt")} {...field("occurredAt")} maxLength={40} />
          <Select
            label={t("fraudKind")}
            value={fraudKind}
            onChange={(v) => v && setFraudKind(v as TFraudReportKind | "none")}
            data={(["none", ...FRAUD_REPORT_KINDS] as const).map((k) => ({
              value: k,
              label: t(`fraudKinds.${k}`),
            }))}
            data-testid="fraud-kind"
          />
          {fraudKind !== "none" && (
            <>
              <Textarea
                label={t("fraudUrls")}
                {...field("urls")}
                autosize
                minRows={2}
                maxLength={20 * 2100}
                spellCheck={false}
                data-testid="fraud-urls"
              />
              <TextInput label={t("fraudSender")} {...field("sender")} maxLength={300} />
              <TextInput label={t("fraudBrand")} {...field("brand")} maxLength={100} />
            </>
          )}
          <FormError error={send.error} />
          {send.isPending && <Text size="sm">{t("solving")}</Text>}
          <Button
            type="submit"
            loading={send.isPending}
            disabled={!prefectureCode || !form.title.trim() || !form.description.trim()}
          >
            {t("submit")}
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}
