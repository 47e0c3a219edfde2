import { Alert, Button, Card, Group, Select, Stack, Textarea, Title } from "@mantine/core";
import type { THubCaseDetail } from "@sonae/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";
import { MessageList } from "../../components/hub-exchange/message-list";

const KINDS = ["question", "advice", "decryptor", "status", "message"] as const;

/** Police ↔ reporter messages: questions, first-response advice, decryptor information. */
export function CaseMessages({ c }: { c: THubCaseDetail }) {
  const { t } = useTranslation("hub");
  const client = useQueryClient();
  const [kind, setKind] = useState<(typeof KINDS)[number]>("question");
  const [body, setBody] = useState("");
  const post = useMutation({
    mutationFn: () => api("POST", `/api/hub/cases/${c.id}/messages`, { kind, body }),
    onSuccess: () => {
      setBody("");
      return client.invalidateQueries({ queryKey: ["hub", "case", c.id] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    post.mutate();
  };
  return (
    <Card withBorder>
      <Title order={3} size="h4">
        {t("messages")}
      </Title>
      <Alert color="blue" py="xs" mt="xs">
        {t("hubExchange:noPublication")}
      </Alert>
      <MessageList messages={c.messages} />
      <Stack component="form" onSubmit={submit} gap="xs" mt="sm">
        <Group align="end" wrap="wrap">
          <Select
            label={t("kindLabel")}
            value={kind}
            onChange={(v) => v && setKind(v as (typeof KINDS)[number])}
            data={KINDS.map((k) => ({ value: k, label: t(`hubExchange:messageKind.${k}`) }))}
            w={200}
          />
        </Group>
        <Textarea
          label={t("messageLabel")}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={2}
          required
        />
        <FormError error={post.error} />
        <Group>
          <Button type="submit" loading={post.isPending} disabled={!body.trim()}>
            {t("hubExchange:send")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
