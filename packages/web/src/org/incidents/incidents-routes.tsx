import { Route, Routes } from "react-router";
import { IncidentListPage } from "./incident-list-page";
import { IncidentPage } from "./incident-page";
import { IncidentWizard } from "./incident-wizard";

/** Routes of the incidents area, mounted at /incidents/*. */
export function IncidentsRoutes() {
  return (
    <Routes>
      <Route index element={<IncidentListPage />} />
      <Route path=":id/wizard" element={<IncidentWizard />} />
      <Route path=":id/:tab?" element={<IncidentPage />} />
    </Routes>
  );
}
