import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { HUB_ADMIN_NAV } from "./admin/admin-routes";
import { useHubMe } from "./hub-api";

/** Case work, offered by the unit-level rights in /api/hub/me (the card role has none of them). */
const CASE_NAV = [
  { to: "/hub", key: "queue", right: "queue.read" },
  { to: "/hub/stats", key: "stats", right: "stats.read" },
  { to: "/hub/advisories", key: "advisories", right: "advisory.read" },
] as const;

/** Phishing URL screens. */
const PHISHING_NAV = [
  { to: "/hub/urls", key: "urls", right: "urls.read" },
  { to: "/hub/url-partners", key: "partners", right: "partners.manage" },
] as const;

interface NavItem {
  to: string;
  label: string;
  /** Shown only with this unit right; every hub role may enter card numbers, so cards has none. */
  right?: string;
}

/** The item a path belongs to: the longest matching address (/hub/cases/… belongs to the queue). */
function currentOf(items: readonly NavItem[], pathname: string): string | undefined {
  return items
    .filter((i) => pathname === i.to || pathname.startsWith(`${i.to}/`))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;
}

/** Sub-navigation of the police screens, each shown only to those who may use it. */
export function HubNav() {
  const { t } = useTranslation("hubInsights");
  const { t: tAdmin } = useTranslation("hubAdmin");
  const { t: tPhish } = useTranslation("hubPhishing");
  const { t: tCards } = useTranslation("hubCards");
  const { pathname } = useLocation();
  const rights: string[] = useHubMe().data?.rights ?? [];
  const offered: NavItem[] = [
    ...CASE_NAV.map((i) => ({ to: i.to, right: i.right, label: t(`nav.${i.key}`) })),
    ...PHISHING_NAV.map((i) => ({ to: i.to, right: i.right, label: tPhish(`nav.${i.key}`) })),
    { to: "/hub/cards", label: tCards("nav") },
    ...HUB_ADMIN_NAV.map((i) => ({ to: i.to, right: i.right, label: tAdmin(`nav.${i.key}`) })),
  ];
  const items = offered.filter((i) => !i.right || rights.includes(i.right));
  const current = currentOf(items, pathname);
  return (
    <Group gap="xs" mb="md" wrap="wrap" component="nav" aria-label={t("nav.queue")}>
      {items.map((i) => (
        <Button
          key={i.to}
          component={Link}
          to={i.to}
          size="xs"
          variant={current === i.to ? "filled" : "light"}
          aria-current={current === i.to ? "page" : undefined}
        >
          {i.label}
        </Button>
      ))}
    </Group>
  );
}
