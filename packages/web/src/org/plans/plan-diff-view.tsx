import { Box, Button, Code, Group, Select, Stack, Text } from "@mantine/core";
import type { TPlanDiff, TPlanDocument, TPlanDocumentKind } from "@sonae/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";

const COLOURS = { added: "#e6ffec", removed: "#ffebe9", same: "transparent" } as const;
const MARKS = { added: "+ ", removed: "- ", same: "  " } as const;

/** Chooses two versions of one kind and shows the line diff of their text (additions and removals). */
export function PlanDiffView({ kind, versions }: { kind: TPlanDocumentKind; versions: TPlanDocument[] }) {
  const { t } = useTranslation("plans");
  const options = versions.map((v) => ({
    value: String(v.version),
    label: t("documents.version", { version: v.version }),
  }));
  const [from, setFrom] = useState<string | null>(options[1]?.value ?? null);
  const [to, setTo] = useState<string | null>(options[0]?.value ?? null);
  const diff = useMutation({
    mutationFn: () => api<TPlanDiff>("GET", `/api/plans/documents/${kind}/diff?from=${from}&to=${to}`),
  });
  return (
    <Stack gap="xs">
      <Text fw={600}>{t("documents.diff")}</Text>
      <Group align="flex-end" wrap="wrap">
        <Select label={t("documents.diffFrom")} data={options} value={from} onChange={setFrom} w={140} />
        <Select label={t("documents.diffTo")} data={options} value={to} onChange={setTo} w={140} />
        <Button
          variant="light"
          onClick={() => diff.mutate()}
          disabled={!from || !to}
          loading={diff.isPending}
        >
          {t("documents.showDiff")}
        </Button>
      </Group>
      <FormError error={diff.error} />
      {diff.data && (
        <Box data-testid={`diff-${kind}`}>
          <Text size="sm" mb={4}>
            {t("documents.diffSummary", { added: diff.data.added, removed: diff.data.removed })}
          </Text>
          <Code
            block
            style={{ maxHeight: 420, overflow: "auto", whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}
          >
            {diff.data.parts
              .filter((p) => p.op !== "same")
              .flatMap((p, i) =>
                p.lines.map((line, j) => (
                  <div
                    // biome-ignore lint/suspicious/noArrayIndexKey: diff lines have no identity of their own
                    key={`${i}-${j}`}
                    data-op={p.op}
                    style={{ background: COLOURS[p.op] }}
                  >
                    {MARKS[p.op]}
                    {line}
                  </div>
                )),
              )}
          </Code>
        </Box>
      )}
    </Stack>
  );
}
