import { Route, Routes } from "react-router";
import { PublicDelistingPage } from "./public-delisting-page";
import { PublicReportForm } from "./public-report-form";
import { PublicStatusPage } from "./public-status-page";

/**
 * The public form, reachable without signing in (mount at /report/* outside the signed-in routes):
 * /report (form), /report/status/:reference#<token> (status, messages, more material) and
 * /report/delisting (a site owner's request to review a listed URL or domain).
 */
export function PublicReportRoutes() {
  return (
    <Routes>
      <Route index element={<PublicReportForm />} />
      <Route path="status/:reference" element={<PublicStatusPage />} />
      <Route path="delisting" element={<PublicDelistingPage />} />
    </Routes>
  );
}
