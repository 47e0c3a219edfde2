import { Badge } from "@mantine/core";
import type { ItemStatus } from "@sonae/core";
import { useTranslation } from "react-i18next";

const COLOR: Record<ItemStatus, string> = {
  met: "green",
  partial: "yellow",
  unmet: "red",
  unknown: "gray",
  not_applicable: "gray",
};

export function StatusBadge({ status }: { status: ItemStatus }) {
  const { t } = useTranslation("readiness");
  return (
    <Badge color={COLOR[status]} variant={status === "unknown" ? "outline" : "light"}>
      {t(`assessment.status.${status}`)}
    </Badge>
  );
}
