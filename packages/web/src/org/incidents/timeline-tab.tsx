import { Badge, Button, Checkbox, Group, Stack, Table, TextInput } from "@mantine/core";
import type { TIncidentDetail } from "@sonae/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../components/form-error";
import { useIncidentChange } from "./incident-api";
import { formatDateTime, fromLocalInput, toLocalInput } from "./incident-format";

/** The timeline: built from checklist steps and reports, plus manual entries. */
export function TimelineTab({ incident }: { incident: TIncidentDetail }) {
  const { t } = useTranslation("incidents");
  const [at, setAt] = useState(() => toLocalInput(new Date().toISOString()));
  const [text, setText] = useState("");
  const [isAction, setIsAction] = useState(false);
  const add = useIncidentChange<{ at: string | null; text: string; isAction: boolean }>(
    incident.id,
    "POST",
    () => `/api/incidents/${incident.id}/timeline`,
  );
  return (
    <Stack gap="md">
      <Group
        component="form"
        align="end"
        wrap="wrap"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate({ at: fromLocalInput(at), text, isAction }, { onSuccess: () => setText("") });
        }}
      >
        <TextInput
          type="datetime-local"
          label={t("timeline.at")}
          value={at}
          onChange={(e) => setAt(e.currentTarget.value)}
          required
        />
        <TextInput
          label={t("timeline.text")}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          required
          style={{ flex: 1, minWidth: 200 }}
        />
        <Checkbox
          label={t("timeline.isAction")}
          checked={isAction}
          onChange={(e) => setIsAction(e.currentTarget.checked)}
        />
        <Button type="submit" loading={add.isPending}>
          {t("timeline.add")}
        </Button>
      </Group>
      <FormError error={add.error} />
      <Table.ScrollContainer minWidth={360}>
        <Table>
          <Table.Tbody>
            {incident.timeline.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(e.at)}</Table.Td>
                <Table.Td>
                  {e.text} {e.isAction && <Badge size="xs">✓</Badge>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
