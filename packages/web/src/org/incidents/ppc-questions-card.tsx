import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import type { TIncidentDetail, TPpcAssessmentInput } from "@sonae/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../components/form-error";
import { useIncidentChange } from "./incident-api";

const CONDITIONS = ["sensitiveData", "financialHarm", "unauthorisedPurpose", "over1000"] as const;
type Tri = "yes" | "no" | "unknown";

/**
 * The four questions of 施行規則 第7条, asked before any PPC deadline is shown. Ransomware, unauthorised
 * access and phishing suggest "yes" for 3号 (the final report then has 60 days).
 */
export function PpcQuestionsCard({ incident }: { incident: TIncidentDetail }) {
  const { t } = useTranslation("incidents");
  const { ppc } = incident;
  const a = ppc.answers;
  const [form, setForm] = useState({
    sensitiveData: (a?.sensitiveData ?? "") as Tri | "",
    financialHarm: (a?.financialHarm ?? "") as Tri | "",
    unauthorisedPurpose: (a?.unauthorisedPurpose ?? (ppc.suggestedUnauthorisedPurpose ? "yes" : "")) as
      | Tri
      | "",
    over1000: (a?.over1000 ?? "") as Tri | "",
    affectedCount: a?.affectedCount ?? null,
    dataItems: a?.dataItems ?? "",
    encryptedAtRest: (a?.encryptedAtRest ?? "unknown") as Tri,
  });
  const save = useIncidentChange<TPpcAssessmentInput>(
    incident.id,
    "PUT",
    () => `/api/incidents/${incident.id}/ppc-assessment`,
  );
  const complete = CONDITIONS.every((c) => form[c] !== "");
  if (incident.personalData === "no") return null;
  return (
    <Card withBorder data-testid="ppc-questions">
      <Group justify="space-between" wrap="wrap">
        <Title order={4}>{t("ppc.title")}</Title>
        <Badge
          color={ppc.status === "not-reportable" ? "gray" : ppc.status === "unanswered" ? "orange" : "red"}
        >
          {t(`ppc.status.${ppc.status}`, { days: ppc.finalReportDays })}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mt={4}>
        {t("ppc.intro")}
      </Text>
      <Stack gap="xs" mt="sm">
        {CONDITIONS.map((c) => (
          <Radio.Group
            key={c}
            label={t(`ppc.q.${c}`)}
            description={t(`ppc.help.${c}`)}
            value={form[c]}
            onChange={(v) => setForm({ ...form, [c]: v as Tri })}
            data-testid={`ppc-${c}`}
          >
            <Group gap="md" mt={4}>
              {(["yes", "no", "unknown"] as const).map((v) => (
                <Radio key={v} value={v} label={t(`ppc.answer.${v}`)} />
              ))}
            </Group>
          </Radio.Group>
        ))}
        {ppc.suggestedUnauthorisedPurpose && <Alert color="blue">{t("ppc.suggested")}</Alert>}
        <NumberInput
          label={t("ppc.affectedCount")}
          min={0}
          value={form.affectedCount ?? ""}
          onChange={(v) => setForm({ ...form, affectedCount: typeof v === "number" ? v : null })}
          w={200}
        />
        <Textarea
          label={t("ppc.dataItems")}
          placeholder={t("ppc.dataItemsHint")}
          autosize
          minRows={2}
          value={form.dataItems}
          onChange={(e) => setForm({ ...form, dataItems: e.currentTarget.value })}
        />
        <FormError error={save.error} />
        <Button
          w="fit-content"
          disabled={!complete}
          loading={save.isPending}
          onClick={() =>
            save.mutate({
              sensitiveData: form.sensitiveData as Tri,
              financialHarm: form.financialHarm as Tri,
              unauthorisedPurpose: form.unauthorisedPurpose as Tri,
              over1000: form.over1000 as Tri,
              affectedCount: form.affectedCount,
              dataItems: form.dataItems.trim() || null,
              encryptedAtRest: form.encryptedAtRest,
            })
          }
        >
          {t("ppc.save")}
        </Button>
        <Text size="xs" c="dimmed">
          {t("ppc.source")}
        </Text>
      </Stack>
    </Card>
  );
}
