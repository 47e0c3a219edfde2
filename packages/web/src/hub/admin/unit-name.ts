import { HUB_UNITS } from "@sonae/core";
import { useTranslation } from "react-i18next";

/** Unit id → its name in the reader's language. */
export function useUnitName() {
  const { i18n } = useTranslation();
  return (id: number) => {
    const unit = HUB_UNITS.find((u) => u.id === id);
    if (!unit) return String(id);
    return i18n.language === "en" ? unit.nameEn : unit.nameJa;
  };
}

export const ALL_UNIT_IDS = HUB_UNITS.map((u) => u.id);
