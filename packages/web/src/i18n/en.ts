import type { ja } from "./ja";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof ja> = {
  app: { name: "Sonae", tagline: "Cyber-incident readiness and response" },
  nav: {
    dashboard: "Dashboard",
    readiness: "Readiness",
    plans: "Plans & drills",
    incidents: "Incidents",
    identify: "Identify ransomware",
    evidence: "Evidence",
    hub: "Police / CSIRT hub",
    organisation: "Organisation",
    users: "Users",
    audit: "Audit log",
    password: "Change password",
    logout: "Sign out",
    menu: "Menu",
  },
  lang: { switchTo: "日本語", label: "Language" },
  common: {
    save: "Save",
    saved: "Saved",
    cancel: "Cancel",
    loading: "Loading…",
    required: "Required",
    yes: "Yes",
    no: "No",
    none: "None",
    role: { admin: "Administrator", member: "Member", viewer: "Viewer" },
  },
  errors: { network: "Cannot reach the server. Check the network.", unknown: "An error occurred." },
  setup: {
    title: "First-run setup",
    intro:
      "Register your organisation and its first administrator. There is no default password: choose your own.",
    organisation: "Organisation",
    admin: "First administrator",
    submit: "Complete setup",
    done: "Setup is complete. Please sign in.",
  },
  org: {
    name: "Organisation name",
    prefecture: "Prefecture",
    industry: "Industry (JSIC major class)",
    subSector: "Sector under the SME Basic Act",
    subSectorHint: "Wholesale/retail and accommodation/food services: choose your sector.",
    capital: "Capital (yen)",
    employees: "Regular employees",
    sme: "SME status",
    smeYes: "An SME under the SME Basic Act, Art. 2(1)",
    smeNo: "Not an SME under the SME Basic Act, Art. 2(1)",
    small: "Also a small enterprise (Art. 2(5))",
    basis: { capital: "by capital", employees: "by employees", both: "by capital and employees", none: "" },
    sector: {
      manufacturing_other: "Manufacturing and other",
      wholesale: "Wholesale",
      service: "Services",
      retail: "Retail",
    },
    title: "Organisation",
  },
  user: {
    displayName: "Name",
    email: "E-mail",
    password: "Password (12+ characters)",
    role: "Role",
    add: "Add user",
    created: "Created",
  },
  login: { title: "Sign in", submit: "Sign in", password: "Password" },
  password: {
    title: "Change password",
    current: "Current password",
    next: "New password (12+ characters)",
    changed: "Password changed. Sessions on other devices were ended.",
  },
  dashboard: {
    title: "Dashboard",
    welcome: "Readiness of {{org}}",
    emptyTitle: "Nothing recorded yet",
    empty:
      "Record your peacetime preparations (contacts, internet-facing devices, backups, logs) and your readiness and top gaps appear here.",
    emergencyTitle: "If you are under attack now",
    emergency:
      "Disconnect affected machines from the network, do not switch them off, and contact the police: 110 in an emergency, #9110 for police consultation.",
    emergencySource:
      "Source: National Police Agency notice of 2025-01-31 on preparing contact with the police for cyber incidents",
  },

  audit: {
    title: "Audit log",
    at: "Time",
    actor: "Actor",
    type: "Type",
    ip: "IP address",
    details: "Details",
    more: "Load more",
  },
};
