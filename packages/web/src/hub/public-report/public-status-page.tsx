import { Alert, Badge, Button, Card, FileInput, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import type { THubReporterView } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useParams } from "react-router";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";
import { MessageList } from "../../components/hub-exchange/message-list";

async function call<T>(
  method: string,
  path: string,
  token: string,
  body?: BodyInit,
  json = true,
): Promise<T> {
  const { csrfToken } = await api<{ csrfToken: string }>("GET", "/api/session");
  const headers: Record<string, string> = { "x-receipt-token": token, "x-csrf-token": csrfToken };
  if (json && body) headers["content-type"] = "application/json";
  const res = await fetch(path, { method, headers, body, credentials: "same-origin" });
  const data = await res.json().catch(() => null);
  if (!res.ok)
    throw new Error((data as { error?: { message?: string } } | null)?.error?.message ?? String(res.status));
  return data as T;
}

/** The receipt page: reference, status, police messages, replies and more material. */
export function PublicStatusPage() {
  const { t } = useTranslation("publicReport");
  const { reference = "" } = useParams();
  const token = useLocation().hash.slice(1);
  const client = useQueryClient();
  const key = ["hub-public", reference];
  const view = useQuery({
    queryKey: key,
    queryFn: () => call<THubReporterView>("GET", `/api/hub/public/cases/${reference}`, token),
    enabled: !!token,
  });
  const [message, setMessage] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const reply = useMutation({
    mutationFn: () =>
      call("POST", `/api/hub/public/cases/${reference}/messages`, token, JSON.stringify({ body: message })),
    onSuccess: () => {
      setMessage("");
      return client.invalidateQueries({ queryKey: key });
    },
  });
  const upload = useMutation({
    mutationFn: () => {
      const data = new FormData();
      if (file) data.append("file", file);
      return call("POST", `/api/hub/public/cases/${reference}/attachments`, token, data, false);
    },
    onSuccess: () => setFile(null),
  });
  return (
    <Stack maw={720} gap="md" p="md" mx="auto">
      <Title order={2}>{t("receiptTitle")}</Title>
      <Text>
        {t("receiptRef")}: <b data-testid="receipt-reference">{reference}</b>
      </Text>
      <Alert color="yellow">{t("receiptLink")}</Alert>
      <Alert color="blue">{t("hubExchange:noPublication")}</Alert>
      <FormError error={view.error} />
      {view.data && (
        <Card withBorder>
          <Group gap="xs">
            <Text>{t("hubExchange:statusLabel")}:</Text>
            <Badge data-testid="public-status">{t(`hubExchange:status.${view.data.status}`)}</Badge>
          </Group>
          <MessageList messages={view.data.messages} />
        </Card>
      )}
      <Card withBorder>
        <Stack gap="xs">
          <Textarea
            label={t("hubExchange:reply")}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <FormError error={reply.error} />
          <Group>
            <Button onClick={() => reply.mutate()} disabled={!message.trim()} loading={reply.isPending}>
              {t("hubExchange:send")}
            </Button>
          </Group>
          <FileInput label={t("addFile")} value={file} onChange={setFile} clearable />
          <FormError error={upload.error} />
          {upload.isSuccess && <Text size="sm">{t("uploaded")}</Text>}
          <Group>
            <Button
              variant="light"
              onClick={() => upload.mutate()}
              disabled={!file}
              loading={upload.isPending}
            >
              {t("upload")}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
