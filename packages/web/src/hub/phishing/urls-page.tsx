import { Button, Group, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { PHISH_CATEGORIES, PHISH_STATES } from "@sonae/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FormError } from "../../components/form-error";
import { type UrlFilters, usePhishUrls } from "./phishing-api";
import { UrlsTable } from "./urls-table";

/** The URL work queue: filters by state, category and brand; search by URL, host or IP. */
export function UrlsPage() {
  const { t } = useTranslation("hubPhishing");
  const [filters, setFilters] = useState<UrlFilters>({ state: "candidate" });
  const [q, setQ] = useState("");
  const page = usePhishUrls(filters);
  const set = (k: keyof UrlFilters) => (v: string | null) =>
    setFilters({ ...filters, [k]: v ?? undefined, cursor: undefined });
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t("list.title")}</Title>
        <Button component={Link} to="/hub/urls/delisting" variant="light" size="xs">
          {t("nav.delisting")}
        </Button>
      </Group>
      <Text fz="sm" c="dimmed">
        {t("list.intro")}
      </Text>
      <Group
        component="form"
        align="end"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ ...filters, q: q.trim() || undefined, cursor: undefined });
        }}
      >
        <TextInput
          label={t("list.search")}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={380}
          spellCheck={false}
          data-testid="url-search"
        />
        <Select
          label={t("list.state")}
          clearable
          placeholder={t("list.all")}
          value={filters.state ?? null}
          onChange={set("state")}
          data={PHISH_STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
          w={140}
          data-testid="url-state-filter"
        />
        <Select
          label={t("list.category")}
          clearable
          placeholder={t("list.all")}
          value={filters.category ?? null}
          onChange={set("category")}
          data={PHISH_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          w={160}
        />
        <TextInput
          label={t("list.brand")}
          value={filters.brand ?? ""}
          onChange={(e) => set("brand")(e.currentTarget.value || null)}
          w={140}
        />
        <Button type="submit">{t("list.searchButton")}</Button>
      </Group>
      <FormError error={page.error} />
      {page.data && page.data.items.length === 0 && <Text>{t("list.none")}</Text>}
      {page.data && page.data.items.length > 0 && <UrlsTable rows={page.data.items} />}
      {page.data?.nextCursor && (
        <Button
          variant="subtle"
          onClick={() => setFilters({ ...filters, cursor: String(page.data!.nextCursor) })}
        >
          {t("list.more")}
        </Button>
      )}
    </Stack>
  );
}
