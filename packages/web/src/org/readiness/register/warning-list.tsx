import { List, Text, ThemeIcon } from "@mantine/core";
import type { TRegisterWarning } from "@sonae/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

const COLOR = { high: "red", medium: "orange", low: "gray" } as const;

/** Warnings next to a register entry, in the UI language (each carries both ja and en). */
export function WarningList({
  warnings,
  testId,
}: {
  warnings: readonly TRegisterWarning[];
  testId?: string;
}) {
  const { i18n } = useTranslation();
  if (warnings.length === 0) return null;
  const lang = i18n.language === "en" ? "en" : "ja";
  return (
    <List spacing={4} size="sm" data-testid={testId} center>
      {warnings.map((w) => (
        <List.Item
          key={w.code}
          icon={
            <ThemeIcon color={COLOR[w.severity]} size={18} radius="xl" variant="light">
              <IconAlertTriangle size={12} />
            </ThemeIcon>
          }
        >
          <Text size="sm" c={w.severity === "high" ? "red.8" : undefined}>
            {w.message[lang]}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
