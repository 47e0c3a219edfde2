import { Text } from "@mantine/core";
import type { TKevCatalogSummary } from "@sonae/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../../i18n/format";

/**
 * The data every verdict comes from: the KEV catalogue (version, release date) and NVD's affected-version data
 * (retrieval date) with the notice NVD's terms require. A fact carries its source and date.
 */
export function KevCatalogLine({ catalog }: { catalog: TKevCatalogSummary }) {
  const { t } = useTranslation("readiness");
  const kind = catalog.source.split(":")[0] ?? "shipped";
  return (
    <div data-testid="kev-catalog">
      <Text size="sm" c="dimmed">
        {t("devices.catalog", {
          version: catalog.catalogVersion,
          date: formatDate(catalog.dateReleased.slice(0, 10)),
          count: catalog.count,
          source: t(`devices.sources.${kind}`, { defaultValue: catalog.source }),
        })}
      </Text>
      <Text size="xs" c="dimmed">
        {t("devices.nvdLine", {
          date: formatDate(catalog.nvd.retrieved),
          cves: catalog.nvd.cves,
          notice: catalog.nvd.notice,
        })}
      </Text>
    </div>
  );
}
