import { Alert, Button, Card, Select, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { PREFECTURES, type THubAdvisoryInput } from "@sonae/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../components/form-error";
import { AdvisoryCard } from "../../components/hub-exchange/advisory-card";
import { useHubMe } from "../hub-api";
import { usePublishAdvisory, useUnitAdvisories, useWithdrawAdvisory } from "./insights-api";

const EMPTY = { titleJa: "", titleEn: "", bodyJa: "", bodyEn: "", sourceUrl: "" };

function PublishForm({ national, unitId }: { national: boolean; unitId: number }) {
  const { t, i18n } = useTranslation("hubInsights");
  const en = i18n.language.startsWith("en");
  const publish = usePublishAdvisory();
  const [severity, setSeverity] = useState<THubAdvisoryInput["severity"]>("warning");
  // A prefectural unit addresses its own prefecture; the national unit the country or one prefecture.
  const own = String(unitId).padStart(2, "0");
  const [audience, setAudience] = useState(national ? "nationwide" : own);
  const [text, setText] = useState(EMPTY);
  const field = (k: keyof typeof EMPTY) => ({
    value: text[k],
    onChange: (e: { currentTarget: { value: string } }) => setText({ ...text, [k]: e.currentTarget.value }),
  });
  const submit = () =>
    publish.mutate(
      {
        severity,
        ...text,
        sourceUrl: text.sourceUrl.trim() || null,
        prefectureCode: audience === "nationwide" ? null : audience,
      },
      { onSuccess: () => setText(EMPTY) },
    );
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t("advisories.publish")}
        </Title>
        <Text size="sm">{t("advisories.intro")}</Text>
        <Select
          label={t("advisories.severity")}
          value={severity}
          allowDeselect={false}
          onChange={(v) => v && setSeverity(v as THubAdvisoryInput["severity"])}
          data={(["info", "warning", "critical"] as const).map((v) => ({
            value: v,
            label: t(`hubExchange:advisory.sev.${v}`),
          }))}
        />
        {national ? (
          <Select
            label={t("hubExchange:advisory.audience")}
            value={audience}
            allowDeselect={false}
            searchable
            onChange={(v) => v && setAudience(v)}
            data={[
              { value: "nationwide", label: t("hubExchange:advisory.nationwide") },
              ...PREFECTURES.map((p) => ({ value: p.code, label: en ? p.nameEn : p.nameJa })),
            ]}
          />
        ) : (
          <Text size="sm">
            {t("hubExchange:advisory.audience")}: {t("advisories.ownPrefecture")}
          </Text>
        )}
        <TextInput label={t("advisories.titleJa")} required maxLength={200} {...field("titleJa")} />
        <Textarea
          label={t("advisories.bodyJa")}
          required
          autosize
          minRows={3}
          maxLength={10_000}
          {...field("bodyJa")}
        />
        <TextInput label={t("advisories.titleEn")} maxLength={200} {...field("titleEn")} />
        <Textarea
          label={t("advisories.bodyEn")}
          autosize
          minRows={2}
          maxLength={10_000}
          {...field("bodyEn")}
        />
        <TextInput label={t("advisories.sourceUrl")} placeholder="https://" {...field("sourceUrl")} />
        <FormError error={publish.error} />
        {publish.isSuccess && <Alert color="green">{t("advisories.published")}</Alert>}
        <Button
          onClick={submit}
          loading={publish.isPending}
          disabled={!text.titleJa.trim() || !text.bodyJa.trim()}
        >
          {t("advisories.publish")}
        </Button>
      </Stack>
    </Card>
  );
}

/** The unit's advisories (and those addressed to it); analysts and unit admins publish and withdraw. */
export function HubAdvisoriesPage() {
  const { t } = useTranslation("hubInsights");
  const me = useHubMe();
  const list = useUnitAdvisories();
  const withdraw = useWithdrawAdvisory();
  const role = me.data?.role;
  const canPublish = role === "analyst" || role === "unit_admin";
  const unitId = me.data?.unit.id ?? -1;
  const national = unitId === 0;
  return (
    <Stack maw={960} gap="md">
      <Title order={2}>{t("advisories.title")}</Title>
      <FormError error={me.error ?? list.error ?? withdraw.error} />
      {me.data &&
        (canPublish ? (
          <PublishForm national={national} unitId={unitId} />
        ) : (
          <Text size="sm">{t("advisories.onlyAnalysts")}</Text>
        ))}
      {list.data?.length === 0 && <Text>{t("advisories.none")}</Text>}
      {list.data?.map((a) => (
        <AdvisoryCard
          key={a.id}
          advisory={a}
          actions={
            canPublish &&
            !a.withdrawnAt &&
            (national || a.issuedBy.unitId === unitId) && (
              <Button size="xs" variant="subtle" color="red" onClick={() => withdraw.mutate(a.id)}>
                {t("advisories.withdraw")}
              </Button>
            )
          }
        />
      ))}
    </Stack>
  );
}
