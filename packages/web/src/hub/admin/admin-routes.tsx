import { Route, Routes } from "react-router";
import { KeysPage } from "./keys-page";
import { MembersPage } from "./members-page";
import { UnitAuditPage } from "./unit-audit-page";

/** The hub's administration screens, mounted at /hub/admin/* (unit admins; the server enforces the rights). */
export function HubAdminRoutes() {
  return (
    <Routes>
      <Route path="members" element={<MembersPage />} />
      <Route path="keys" element={<KeysPage />} />
      <Route path="audit" element={<UnitAuditPage />} />
    </Routes>
  );
}

/** Which admin screens the hub navigation offers, from the unit-level rights in /api/hub/me. */
export const HUB_ADMIN_NAV = [
  { to: "/hub/admin/members", key: "members", right: "members.manage" },
  { to: "/hub/admin/keys", key: "keys", right: "keys.manage" },
  { to: "/hub/admin/audit", key: "audit", right: "audit.read" },
] as const;
