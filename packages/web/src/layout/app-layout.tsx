import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation, useNavigate } from "react-router";
import { api } from "../api/client";
import { SESSION_KEY, useSession } from "../api/session";
import { useServerMode } from "../components/hub-exchange/hub-exchange";
import { LanguageSwitch } from "../components/language-switch";

const MAIN_NAV = [
  { to: "/", key: "dashboard" },
  { to: "/readiness", key: "readiness" },
  { to: "/plans", key: "plans" },
  { to: "/incidents", key: "incidents" },
  { to: "/identify", key: "identify" },
  { to: "/evidence", key: "evidence" },
  { to: "/hub", key: "hub" },
] as const;

/**
 * A hub (police/CSIRT) server is used by intake officers and analysts: their work is the intake queue,
 * so the organisation's readiness and incident areas are not offered there.
 */
const HUB_NAV = [{ to: "/hub", key: "hubQueue" }] as const;

const ADMIN_NAV = [
  { to: "/organisation", key: "organisation" },
  { to: "/users", key: "users" },
  { to: "/audit", key: "audit" },
] as const;

/** The frame of every signed-in page: header, navigation (a drawer on phones) and content. */
export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { data } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const isAdmin = data?.user?.role === "admin";
  const mode = useServerMode();

  const logout = async () => {
    await api("POST", "/api/auth/logout");
    await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    navigate("/");
  };

  const isActive = (to: string) =>
    to === "/" ? location.pathname === "/" : location.pathname.startsWith(to);
  const links = (items: readonly { to: string; key: string }[]) =>
    items.map((item) => (
      <NavLink
        key={item.to}
        component={Link}
        to={item.to}
        label={t(`nav.${item.key}`)}
        active={isActive(item.to)}
        onClick={close}
      />
    ));

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("nav.menu")} />
            <Title order={1} size="h4">
              {t("app.name")}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {data?.organisation?.name}
            </Text>
          </Group>
          <LanguageSwitch />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t("nav.menu")}>
        <AppShell.Section grow component={ScrollArea}>
          {mode.data && links(mode.data === "hub" ? HUB_NAV : MAIN_NAV)}
          {isAdmin && links(ADMIN_NAV)}
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm">
            {data?.user?.displayName} ({t(`common.role.${data?.user?.role ?? "viewer"}`)})
          </Text>
          <NavLink component={Link} to="/account/password" label={t("nav.password")} onClick={close} />
          <Button variant="subtle" fullWidth justify="flex-start" onClick={logout}>
            {t("nav.logout")}
          </Button>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
