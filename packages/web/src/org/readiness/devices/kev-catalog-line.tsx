import { Text } from "@mantine/core";
import type { TKevCatalogSummary } from "@sonae/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../../i18n/format";

/** The catalogue every match comes from, with its version and release date (a fact carries its source). */
export function KevCatalogLine({ catalog }: { catalog: TKevCatalogSummary }) {
  const { t } = useTranslation("readiness");
  const kind = catalog.source.split(":")[0] ?? "shipped";
  return (
    <Text size="sm" c="dimmed" data-testid="kev-catalog">
      {t("devices.catalog", {
        version: catalog.catalogVersion,
        date: formatDate(catalog.dateReleased.slice(0, 10)),
        count: catalog.count,
        source: t(`devices.sources.${kind}`, { defaultValue: catalog.source }),
      })}
    </Text>
  );
}
