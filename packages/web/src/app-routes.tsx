import { Center, Group, Loader } from "@mantine/core";
import { Navigate, Route, Routes } from "react-router";
import { useSession } from "./api/session";
import { LanguageSwitch } from "./components/language-switch";
import { AuditPage } from "./features/audit/audit-page";
import { LoginPage } from "./features/auth/login-page";
import { PasswordPage } from "./features/auth/password-page";
import { DashboardPage } from "./features/dashboard/dashboard-page";
import { EvidenceRoutes } from "./features/evidence/evidence-routes";
import { useServerMode } from "./features/hub/hub-api";
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
        <Route
          path="report/*"
          element={
            // Signed out, the public form needs its own language switch (the app header is not shown).
            <>
              <Group justify="flex-end" px="md" pt="md">
                <LanguageSwitch />
              </Group>
              <PublicReportRoutes />
            </>
          }
        />
        <Route path="*" element={<LoginPage />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
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

/** The organisation's dashboard; on a hub server the police's home is the intake queue. */
function HomePage() {
  const mode = useServerMode();
  if (mode.isPending) return <Loader aria-label="loading" />;
  return mode.data === "hub" ? <Navigate to="/hub" replace /> : <DashboardPage />;
}
