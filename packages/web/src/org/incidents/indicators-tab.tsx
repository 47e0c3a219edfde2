import { Button, Group, Select, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { INDICATOR_KINDS, type TIncidentDetail, type TIncidentIndicator } from "@sonae/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../components/form-error";
import { useIncidentChange } from "./incident-api";
import { IndicatorRow } from "./indicator-row";
import { PromoteIndicatorModal } from "./promote-indicator-modal";

type Manual = { id?: string; kind: string; value: string; note: string | null };

/**
 * Indicators: extracted from pasted text, validated and de-duplicated by the server, edited by hand.
 * Values are attacker data: rendered only as text (no links, no HTML).
 */
export function IndicatorsTab({ incident }: { incident: TIncidentDetail }) {
  const { t } = useTranslation("incidents");
  const [text, setText] = useState("");
  const [manual, setManual] = useState<Manual>({ kind: "ipv4", value: "", note: null });
  const base = `/api/incidents/${incident.id}/indicators`;
  const extract = useIncidentChange<{ text: string }>(incident.id, "POST", () => `${base}/extract`);
  const save = useIncidentChange<Manual>(incident.id, "POST", () => base);
  const edit = useIncidentChange<Manual>(incident.id, "PUT", (b) => `${base}/${b.id}`);
  const remove = useIncidentChange<{ id: string }>(incident.id, "DELETE", (b) => `${base}/${b.id}`);
  const withdraw = useIncidentChange<{ id: string }>(
    incident.id,
    "DELETE",
    (b) => `${base}/${b.id}/promotion`,
  );
  const [promoting, setPromoting] = useState<TIncidentIndicator | null>(null);
  const contextCount = incident.indicators.filter((i) => i.context).length;
  const kinds = INDICATOR_KINDS.map((k) => ({ value: k, label: k }));
  const submitManual = () => {
    const { id, ...body } = manual;
    const done = { onSuccess: () => setManual({ kind: manual.kind, value: "", note: null }) };
    if (id) edit.mutate({ id, ...body }, done);
    else save.mutate(body, done);
  };
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t("indicators.inert")}
      </Text>
      <Textarea
        label={t("indicators.paste")}
        autosize
        minRows={3}
        maxRows={10}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <Button
        w="fit-content"
        disabled={!text.trim()}
        loading={extract.isPending}
        onClick={() =>
          extract.mutate(
            { text },
            {
              onSuccess: (r) => {
                const res = r as { added: number; duplicates: number };
                notifications.show({ message: t("indicators.extracted", res) });
                setText("");
              },
            },
          )
        }
      >
        {t("indicators.extract")}
      </Button>
      <Group align="end" wrap="wrap">
        <Select
          label={t("indicators.kind")}
          data={kinds}
          value={manual.kind}
          allowDeselect={false}
          onChange={(v) => v && setManual({ ...manual, kind: v })}
          w={120}
        />
        <TextInput
          label={t("indicators.value")}
          value={manual.value}
          onChange={(e) => setManual({ ...manual, value: e.currentTarget.value })}
          style={{ flex: 1, minWidth: 200 }}
        />
        <TextInput
          label={t("indicators.note")}
          value={manual.note ?? ""}
          onChange={(e) => setManual({ ...manual, note: e.currentTarget.value || null })}
        />
        <Button onClick={submitManual} disabled={!manual.value.trim()}>
          {manual.id ? t("indicators.save") : t("indicators.add")}
        </Button>
      </Group>
      <FormError error={extract.error ?? save.error ?? edit.error ?? remove.error ?? withdraw.error} />
      {contextCount > 0 && (
        <Text size="sm" c="dimmed" data-testid="context-summary">
          {t("indicators.contextSummary", { count: contextCount })}
        </Text>
      )}
      <Table.ScrollContainer minWidth={360}>
        <Table data-testid="indicator-table">
          <Table.Tbody>
            {incident.indicators.map((i: TIncidentIndicator) => (
              <IndicatorRow
                key={i.id}
                indicator={i}
                onEdit={() => setManual({ id: i.id, kind: i.kind, value: i.value, note: i.note })}
                onRemove={() => remove.mutate({ id: i.id })}
                onPromote={() => setPromoting(i)}
                onWithdraw={() => withdraw.mutate({ id: i.id })}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <PromoteIndicatorModal
        incidentId={incident.id}
        indicator={promoting}
        onClose={() => setPromoting(null)}
      />
    </Stack>
  );
}
