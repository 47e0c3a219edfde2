import { Alert, Loader, Stack, Tabs, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FormError } from "../../components/form-error";
import { CardBatchesPanel } from "./card-batches-panel";
import { CardEntriesPanel } from "./card-entries-panel";
import { CardImportPanel } from "./card-import-panel";
import { CardRecipientsPanel } from "./card-recipients-panel";
import { useCardRights } from "./cards-api";

/** /hub/cards: enter numbers, see the unit's entries (masked), and for the national unit batches and keys. */
export function HubCardsPage() {
  const { t } = useTranslation("hubCards");
  const me = useCardRights();
  const rights = me.data?.rights ?? [];
  const canBatch = rights.includes("cards.batch");
  const canKeys = rights.includes("cards.recipients");
  return (
    <Stack gap="md">
      <Title order={2}>{t("title")}</Title>
      <Alert color="gray">{t("pci")}</Alert>
      {/* The tabs wait for the rights: an uncontrolled Tabs keeps the first defaultValue, which
          would otherwise be "entries" (no rights yet) even for an officer who may enter numbers. */}
      <FormError error={me.error} />
      {me.isPending && <Loader size="sm" />}
      {me.data && (
        <Tabs defaultValue={rights.includes("cards.enter") ? "import" : "entries"} keepMounted={false}>
          <Tabs.List>
            {rights.includes("cards.enter") && <Tabs.Tab value="import">{t("tabs.import")}</Tabs.Tab>}
            <Tabs.Tab value="entries">{t("tabs.entries")}</Tabs.Tab>
            {canBatch && <Tabs.Tab value="batches">{t("tabs.batches")}</Tabs.Tab>}
            {(canBatch || canKeys) && <Tabs.Tab value="recipients">{t("tabs.recipients")}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="import" pt="md">
            <CardImportPanel />
          </Tabs.Panel>
          <Tabs.Panel value="entries" pt="md">
            <CardEntriesPanel />
          </Tabs.Panel>
          <Tabs.Panel value="batches" pt="md">
            {canBatch && <CardBatchesPanel />}
          </Tabs.Panel>
          <Tabs.Panel value="recipients" pt="md">
            {(canBatch || canKeys) && <CardRecipientsPanel canEdit={canKeys} canList={canBatch} />}
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
