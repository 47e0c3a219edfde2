import { Loader } from "@mantine/core";
import { Route, Routes } from "react-router";
import { HubAdminRoutes } from "../admin/admin-routes";
import { HubAdvisoriesPage } from "./hub-advisories-page";
import { useServerMode } from "./hub-api";
import { HubCasePage } from "./hub-case-page";
import { HubNav } from "./hub-nav";
import { HubQueuePage } from "./hub-queue-page";
import { HubStatsPage } from "./hub-stats-page";
import { OutboxPage } from "./outbox-page";
import { PublicReportRoutes } from "./public-report-routes";

/**
 * Routes of the hub area, mounted at /hub/*. On a hub server: the police queue, case pages, statistics and advisories.
 * On an organisation's server: "report to the police" (sent reports, status, messages) and the
 * police's advisories.
 */
export function HubRoutes() {
  const mode = useServerMode();
  if (mode.isPending) return <Loader aria-label="loading" />;
  if (mode.data !== "hub") return <OutboxPage />;
  return (
    <Routes>
      <Route path="report/*" element={<PublicReportRoutes />} />
      <Route
        path="*"
        element={
          <>
            <HubNav />
            <Routes>
              <Route index element={<HubQueuePage />} />
              <Route path="cases/:id" element={<HubCasePage />} />
              <Route path="stats" element={<HubStatsPage />} />
              <Route path="advisories" element={<HubAdvisoriesPage />} />
              <Route path="admin/*" element={<HubAdminRoutes />} />
            </Routes>
          </>
        }
      />
    </Routes>
  );
}
