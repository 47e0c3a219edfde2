import { Stack, Tabs, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useSession } from "../../api/session";
import { BusinessFunctionsPanel } from "./business-functions-panel";
import { DocumentsPanel } from "./documents-panel";
import { DrillsPanel } from "./drills-panel";

const TABS = ["functions", "documents", "drills"] as const;

/** Plans & drills: BCP input, generated documents with versions, tabletop drills. The tab lives in the URL. */
export function PlansPage() {
  const { t } = useTranslation("plans");
  const { data: session } = useSession();
  const role = session?.user?.role;
  const canWrite = role === "admin" || role === "member";
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((x) => x === params.get("tab")) ?? "documents";
  return (
    <Stack maw={960} gap="md">
      <Title order={2}>{t("title")}</Title>
      <Tabs value={tab} onChange={(v) => setParams(v ? { tab: v } : {})} keepMounted={false}>
        <Tabs.List>
          {TABS.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(`tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="functions" pt="md">
          <BusinessFunctionsPanel canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="md">
          <DocumentsPanel canWrite={canWrite} canApprove={role === "admin"} />
        </Tabs.Panel>
        <Tabs.Panel value="drills" pt="md">
          <DrillsPanel canWrite={canWrite} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
