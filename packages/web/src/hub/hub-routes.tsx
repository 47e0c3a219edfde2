import { Route, Routes } from "react-router";
import { HubAdminRoutes } from "./admin/admin-routes";
import { HubCardsPage } from "./cards/hub-cards-page";
import { HubCasePage } from "./case/hub-case-page";
import { HubNav } from "./hub-nav";
import { HubAdvisoriesPage } from "./insights/hub-advisories-page";
import { HubStatsPage } from "./insights/hub-stats-page";
import { DelistingQueuePage } from "./phishing/delisting-queue-page";
import { PartnersPage } from "./phishing/partners-page";
import { UrlDetailPage } from "./phishing/url-detail-page";
import { UrlsPage } from "./phishing/urls-page";
import { PublicReportRoutes } from "./public-report/public-report-routes";
import { HubQueuePage } from "./queue/hub-queue-page";

/**
 * Routes of the police side, mounted at /hub/* on a hub server: the queue, case pages, statistics,
 * advisories, phishing URLs (queue, detail, delisting requests, partners) and administration (members, keys, the unit audit log). (On an organisation's server /hub is its "report to the police" page: app-routes.tsx.)
 */
export function HubRoutes() {
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
              <Route path="cards" element={<HubCardsPage />} />
              <Route path="admin/*" element={<HubAdminRoutes />} />
              <Route path="urls" element={<UrlsPage />} />
              <Route path="urls/delisting" element={<DelistingQueuePage />} />
              <Route path="urls/:id" element={<UrlDetailPage />} />
              <Route path="url-partners" element={<PartnersPage />} />
            </Routes>
          </>
        }
      />
    </Routes>
  );
}
