import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Switches between Japanese (default) and English; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === "ja" ? "en" : "ja";
  return (
    <Button
      variant="light"
      size="xs"
      onClick={() => i18n.changeLanguage(next)}
      aria-label={t("lang.label")}
      lang={next}
      data-testid="language-switch"
    >
      {t("lang.switchTo")}
    </Button>
  );
}
