import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import type { TIncidentIndicator } from "@sonae/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../components/form-error";
import { useIncidentChange } from "./incident-api";

/**
 * Asks why a warning-listed value is an attack indicator after all (e.g. the attacker's server in a
 * cloud range). The reason is stored, audited and printed with the indicator in the report package.
 */
export function PromoteIndicatorModal({
  incidentId,
  indicator,
  onClose,
}: {
  incidentId: string;
  indicator: TIncidentIndicator | null;
  onClose: () => void;
}) {
  const { t } = useTranslation("incidents");
  const [reason, setReason] = useState("");
  const promote = useIncidentChange<{ id: string; reason: string }>(
    incidentId,
    "PUT",
    (b) => `/api/incidents/${incidentId}/indicators/${b.id}/promotion`,
  );
  const close = () => {
    setReason("");
    promote.reset();
    onClose();
  };
  return (
    <Modal opened={indicator !== null} onClose={close} title={t("indicators.promoteTitle")}>
      {indicator && (
        <Stack gap="sm">
          <Text size="sm" style={{ wordBreak: "break-all", fontFamily: "monospace" }}>
            {indicator.value}
          </Text>
          <Text size="sm" c="dimmed">
            {t("indicators.promoteHelp")}
          </Text>
          <Textarea
            label={t("indicators.promoteReason")}
            description={t("indicators.promoteReasonHint")}
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="promote-reason"
          />
          <FormError error={promote.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("indicators.cancel")}
            </Button>
            <Button
              disabled={reason.trim().length < 10}
              loading={promote.isPending}
              onClick={() =>
                promote.mutate({ id: indicator.id, reason: reason.trim() }, { onSuccess: close })
              }
            >
              {t("indicators.promote")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
