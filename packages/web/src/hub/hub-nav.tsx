import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";

const ITEMS = [
  { to: "/hub", key: "queue" },
  { to: "/hub/stats", key: "stats" },
  { to: "/hub/advisories", key: "advisories" },
] as const;

/** Sub-navigation of the police screens: queue (with cases), statistics, advisories. */
export function HubNav() {
  const { t } = useTranslation("hubInsights");
  const { pathname } = useLocation();
  const current = ITEMS.findLast((i) => pathname === i.to || pathname.startsWith(`${i.to}/`))?.key ?? "queue";
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
    </Group>
  );
}
