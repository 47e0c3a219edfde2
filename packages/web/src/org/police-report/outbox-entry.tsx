import { Badge, Button, Card, Group, Stack, Text, Textarea } from "@mantine/core";
import type { THubReporterView } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";
import { formatWhen } from "../../components/hub-exchange/hub-exchange";
import { MessageList } from "../../components/hub-exchange/message-list";

/** One sent report: the hub's status and messages (fetched signed by the server), and a reply box. */
export function OutboxEntry({ entry }: { entry: { reference: string; title: string; createdAt: string } }) {
  const { t } = useTranslation("hubExchange");
  const client = useQueryClient();
  const key = ["hub-link", "status", entry.reference];
  const status = useQuery({
    queryKey: key,
    queryFn: () => api<THubReporterView>("GET", `/api/hub-link/submissions/${entry.reference}`),
    refetchInterval: 15_000,
  });
  const [message, setMessage] = useState("");
  const reply = useMutation({
    mutationFn: () =>
      api<THubReporterView>("POST", `/api/hub-link/submissions/${entry.reference}/replies`, { message }),
    onSuccess: (view) => {
      setMessage("");
      client.setQueryData(key, view);
    },
  });
  return (
    <Card withBorder data-testid="outbox-entry">
      <Group justify="space-between" wrap="wrap">
        <Text fw={600}>
          {entry.reference} {entry.title}
        </Text>
        {status.data && <Badge data-testid="outbox-status">{t(`status.${status.data.status}`)}</Badge>}
      </Group>
      <Text size="xs" c="dimmed">
        {formatWhen(entry.createdAt)}
      </Text>
      <FormError error={status.error} />
      {status.data && <MessageList messages={status.data.messages} />}
      <Stack gap="xs" mt="xs">
        <Textarea
          label={t("reply")}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <FormError error={reply.error} />
        <Group>
          <Button
            size="xs"
            onClick={() => reply.mutate()}
            disabled={!message.trim()}
            loading={reply.isPending}
          >
            {t("send")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
