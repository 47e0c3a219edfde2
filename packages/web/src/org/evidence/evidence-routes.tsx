import { Route, Routes } from "react-router";
import { EvidencePage } from "./evidence-page";

/** Routes of the evidence area, mounted at /evidence/* (`/evidence?incident=<id>` opens one incident). */
export function EvidenceRoutes() {
  return (
    <Routes>
      <Route index element={<EvidencePage />} />
    </Routes>
  );
}
