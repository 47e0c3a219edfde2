import { Loader } from "@mantine/core";
import { Route, Routes } from "react-router";
import { useServerMode } from "./hub-api";
import { HubCasePage } from "./hub-case-page";
import { HubQueuePage } from "./hub-queue-page";
import { OutboxPage } from "./outbox-page";
import { PublicReportRoutes } from "./public-report-routes";

/**
 * Routes of the hub area, mounted at /hub/*. On a hub server: the police queue and case pages.
 * On an organisation's server: "report to the police" (sent reports, status, messages).
 */
export function HubRoutes() {
  const mode = useServerMode();
  if (mode.isPending) return <Loader aria-label="loading" />;
  if (mode.data !== "hub") return <OutboxPage />;
  return (
    <Routes>
      <Route index element={<HubQueuePage />} />
      <Route path="cases/:id" element={<HubCasePage />} />
      <Route path="report/*" element={<PublicReportRoutes />} />
    </Routes>
  );
}
