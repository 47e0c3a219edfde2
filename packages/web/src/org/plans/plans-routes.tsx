import { Route, Routes } from "react-router";
import { DrillRunnerPage } from "./drill-runner-page";
import { PlansPage } from "./plans-page";

/** Routes of the plans area, mounted at /plans/*. */
export function PlansRoutes() {
  return (
    <Routes>
      <Route index element={<PlansPage />} />
      <Route path="drills/:id" element={<DrillRunnerPage />} />
    </Routes>
  );
}
