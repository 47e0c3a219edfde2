import { Center, Group, Loader } from "@mantine/core";
import { Navigate, Route, Routes } from "react-router";
import { useSession } from "./api/session";
import { useServerMode } from "./components/hub-exchange/hub-exchange";
import { LanguageSwitch } from "./components/language-switch";
import { HubRoutes } from "./hub/hub-routes";
import { PublicReportRoutes } from "./hub/public-report/public-report-routes";
import { AppLayout } from "./layout/app-layout";
import { DashboardPage } from "./org/dashboard/dashboard-page";
import { EvidenceRoutes } from "./org/evidence/evidence-routes";
import { IncidentsRoutes } from "./org/incidents/incidents-routes";
import { OrganisationPage } from "./org/organisation/organisation-page";
import { PlansRoutes } from "./org/plans/plans-routes";
import { OutboxPage } from "./org/police-report/outbox-page";
import { IdentifyPage } from "./org/ransomware/identify-page";
import { ReadinessRoutes } from "./org/readiness/readiness-routes";
import { AuditPage } from "./platform/audit/audit-page";
import { LoginPage } from "./platform/auth/login-page";
import { PasswordPage } from "./platform/auth/password-page";
import { SetupPage } from "./platform/setup/setup-page";
import { UsersPage } from "./platform/users/users-page";

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
        <Route path="hub/*" element={<HubOrPoliceReport />} />
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

/** /hub: the police workbench on a hub server; on an organisation's server, its "report to the police" page. */
function HubOrPoliceReport() {
  const mode = useServerMode();
  if (mode.isPending) return <Loader aria-label="loading" />;
  return mode.data === "hub" ? <HubRoutes /> : <OutboxPage />;
}
