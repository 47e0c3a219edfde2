import { Center, Loader } from "@mantine/core";
import { Navigate, Route, Routes } from "react-router";
import { useSession } from "./api/session";
import { AuditPage } from "./features/audit/audit-page";
import { LoginPage } from "./features/auth/login-page";
import { PasswordPage } from "./features/auth/password-page";
import { DashboardPage } from "./features/dashboard/dashboard-page";
import { EvidenceRoutes } from "./features/evidence/evidence-routes";
import { HubRoutes } from "./features/hub/hub-routes";
import { PublicReportRoutes } from "./features/hub/public-report-routes";
import { IncidentsRoutes } from "./features/incidents/incidents-routes";
import { OrganisationPage } from "./features/organisation/organisation-page";
import { PlansRoutes } from "./features/plans/plans-routes";
import { IdentifyPage } from "./features/ransomware/identify-page";
import { ReadinessRoutes } from "./features/readiness/readiness-routes";
import { SetupPage } from "./features/setup/setup-page";
import { UsersPage } from "./features/users/users-page";
import { AppLayout } from "./layout/app-layout";

/** Routes by session state: setup before anything, then sign-in, then the app. */
export function AppRoutes() {
  const session = useSession();
  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="loading" />
      </Center>
    );
  }
  if (session.data?.setupRequired) {
    return (
      <Routes>
        <Route path="*" element={<SetupPage />} />
      </Routes>
    );
  }
  if (!session.data?.user) {
    return (
      <Routes>
        <Route path="report/*" element={<PublicReportRoutes />} />
        <Route path="*" element={<LoginPage />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<DashboardPage />} />
        <Route path="readiness/*" element={<ReadinessRoutes />} />
        <Route path="plans/*" element={<PlansRoutes />} />
        <Route path="incidents/*" element={<IncidentsRoutes />} />
        <Route path="evidence/*" element={<EvidenceRoutes />} />
        <Route path="identify" element={<IdentifyPage />} />
        <Route path="hub/*" element={<HubRoutes />} />
        <Route path="organisation" element={<OrganisationPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="account/password" element={<PasswordPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
