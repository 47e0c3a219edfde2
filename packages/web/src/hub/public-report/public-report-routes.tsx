import { Route, Routes } from "react-router";
import { PublicReportForm } from "./public-report-form";
import { PublicStatusPage } from "./public-status-page";

/**
 * The public form, reachable without signing in (mount at /report/* outside the signed-in routes):
 * /report (form) and /report/status/:reference#<token> (status, messages, more material).
 */
export function PublicReportRoutes() {
  return (
    <Routes>
      <Route index element={<PublicReportForm />} />
      <Route path="status/:reference" element={<PublicStatusPage />} />
    </Routes>
  );
}
