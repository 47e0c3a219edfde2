import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { HUB_ADMIN_NAV } from "./admin/admin-routes";
import { useHubMe } from "./hub-api";

const ITEMS = [
  { to: "/hub", key: "queue" },
  { to: "/hub/stats", key: "stats" },
  { to: "/hub/advisories", key: "advisories" },
] as const;

/** Phishing URL screens, offered by the unit-level rights in /api/hub/me. */
const PHISHING_NAV = [
  { to: "/hub/urls", key: "urls", right: "urls.read" },
  { to: "/hub/url-partners", key: "partners", right: "partners.manage" },
] as const;

/** Sub-navigation of the police screens: queue (with cases), statistics, advisories. */
export function HubNav() {
  const { t } = useTranslation("hubInsights");
  const { t: tAdmin } = useTranslation("hubAdmin");
  const { t: tPhish } = useTranslation("hubPhishing");
  const { t: tCards } = useTranslation("hubCards");
  const { pathname } = useLocation();
  const rights: string[] = useHubMe().data?.rights ?? [];
  const elsewhere = ["/hub/cards", ...[...PHISHING_NAV, ...HUB_ADMIN_NAV].map((i) => i.to)].some((to) =>
    pathname.startsWith(to),
  );
  const current = elsewhere
    ? null
    : (ITEMS.findLast((i) => pathname === i.to || pathname.startsWith(`${i.to}/`))?.key ?? "queue");
  return (
    <Group gap="xs" mb="md" wrap="wrap" component="nav" aria-label={t("nav.queue")}>
      {ITEMS.map((i) => (
        <Button
          key={i.key}
          component={Link}
          to={i.to}
          size="xs"
          variant={current === i.key ? "filled" : "light"}
          aria-current={current === i.key ? "page" : undefined}
        >
          {t(`nav.${i.key}`)}
        </Button>
      ))}
      {PHISHING_NAV.filter((i) => rights.includes(i.right)).map((i) => (
        <Button
          key={i.key}
          component={Link}
          to={i.to}
          size="xs"
          variant={pathname.startsWith(i.to) ? "filled" : "light"}
          aria-current={pathname.startsWith(i.to) ? "page" : undefined}
        >
          {tPhish(`nav.${i.key}`)}
        </Button>
      ))}
      <Button
        component={Link}
        to="/hub/cards"
        size="xs"
        variant={pathname.startsWith("/hub/cards") ? "filled" : "light"}
        aria-current={pathname.startsWith("/hub/cards") ? "page" : undefined}
      >
        {tCards("nav")}
      </Button>
      {HUB_ADMIN_NAV.filter((i) => rights.includes(i.right)).map((i) => (
        <Button
          key={i.key}
          component={Link}
          to={i.to}
          size="xs"
          variant={pathname.startsWith(i.to) ? "filled" : "light"}
          aria-current={pathname.startsWith(i.to) ? "page" : undefined}
        >
          {tAdmin(`nav.${i.key}`)}
        </Button>
      ))}
    </Group>
  );
}
