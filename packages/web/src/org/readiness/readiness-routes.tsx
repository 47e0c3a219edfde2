import { ScrollArea, Stack, Tabs, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Navigate, Route, Routes, useLocation, useNavigate } from "react-router";
import { AssessmentPage } from "./assessment/assessment-page";
import { BackupsPage } from "./backups/backups-page";
import { ContactsPage } from "./contacts/contacts-page";
import { DevicesPage } from "./devices/devices-page";
import { LogsPage } from "./logs/logs-page";
import { NetworkPage } from "./network/network-page";

/** The six readiness sub-pages, in the order of Sonae issue 3; each lives in its own sub-folder. */
const SECTIONS = ["contacts", "devices", "backups", "logs", "network", "assessment"] as const;
type Section = (typeof SECTIONS)[number];

function currentSection(pathname: string): Section | null {
  const segment = pathname.split("/")[2] ?? "";
  return (SECTIONS as readonly string[]).includes(segment) ? (segment as Section) : null;
}

/** Routes of the readiness area, mounted at /readiness/*: a tab bar, then the selected sub-page. */
export function ReadinessRoutes() {
  const { t } = useTranslation("readiness");
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <Stack gap="md">
      <Title order={2}>{t("nav.title")}</Title>
      <ScrollArea type="auto" scrollbars="x">
        <Tabs
          value={currentSection(location.pathname)}
          onChange={(value) => value && navigate(`/readiness/${value}`)}
        >
          <Tabs.List style={{ flexWrap: "nowrap" }}>
            {SECTIONS.map((section) => (
              <Tabs.Tab key={section} value={section}>
                {t(`nav.${section}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      </ScrollArea>
      <Routes>
        <Route index element={<Navigate to="assessment" replace />} />
        <Route path="contacts/*" element={<ContactsPage />} />
        <Route path="devices/*" element={<DevicesPage />} />
        <Route path="backups/*" element={<BackupsPage />} />
        <Route path="logs/*" element={<LogsPage />} />
        <Route path="network/*" element={<NetworkPage />} />
        <Route path="assessment/*" element={<AssessmentPage />} />
        <Route path="*" element={<Navigate to="/readiness" replace />} />
      </Routes>
    </Stack>
  );
}
