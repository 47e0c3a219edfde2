import { Badge, Group, Paper, Stack, Text } from "@mantine/core";
import type { THubMessage } from "@sonae/core";
import { useTranslation } from "react-i18next";
import { formatWhen } from "./hub-exchange";

/** Messages as plain text (bodies may quote attacker data: never rendered as links or HTML). */
export function MessageList({ messages }: { messages: THubMessage[] }) {
  const { t } = useTranslation("hubExchange");
  if (messages.length === 0) return <Text size="sm">{t("noMessages")}</Text>;
  return (
    <Stack gap="xs" mt="xs">
      {messages.map((m) => (
        <Paper
          key={m.id}
          withBorder
          p="xs"
          data-testid="hub-message"
          bg={m.direction === "police" ? "blue.0" : undefined}
        >
          <Group gap="xs">
            <Badge size="sm">{t(`from.${m.direction}`)}</Badge>
            <Badge size="sm" variant="light">
              {t(`messageKind.${m.kind}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {formatWhen(m.createdAt)}
            </Text>
          </Group>
          <Text size="sm" style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
            {m.body}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
