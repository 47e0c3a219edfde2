import { Badge, Button, Card, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";
import { formatWhen } from "../../components/hub-exchange/hub-exchange";
import { useHubMe } from "../hub-api";
import { InertUrl } from "./inert-url";
import { type DelistingRequest, useDelistingRequests } from "./phishing-api";

function RequestCard(props: { request: DelistingRequest; canDecide: boolean }) {
  const { t } = useTranslation("hubPhishing");
  const client = useQueryClient();
  const [reason, setReason] = useState("");
  const r = props.request;
  const decide = useMutation({
    mutationFn: (decision: "delist" | "reject") =>
      api("POST", `/api/hub/url-delisting/${r.id}/decision`, { decision, reason }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["hub"] }),
  });
  return (
    <Card withBorder data-testid="delisting-request">
      <Stack gap={4}>
        <Group gap="xs">
          <Badge color={r.status === "pending" ? "yellow" : r.status === "delisted" ? "green" : "gray"}>
            {t(`delisting.status.${r.status}`)}
          </Badge>
          <Text fz="sm">{formatWhen(r.createdAt)}</Text>
        </Group>
        <Text fz="sm">
          {t("delisting.target")}: <InertUrl url={r.target} />
        </Text>
        <Text fz="sm">
          {t("delisting.contact")}: {r.contact}
        </Text>
        <Text fz="sm" style={{ whiteSpace: "pre-wrap" }}>
          {t("delisting.explanation")}: {r.explanation}
        </Text>
        <Text fz="sm" fw={600}>
          {t("delisting.listed")} ({r.listed.length})
        </Text>
        {r.listed.map((u) => (
          <InertUrl key={u} url={u} />
        ))}
        {r.decisionReason && (
          <Text fz="sm">
            {t("delisting.reason")}: {r.decisionReason}
          </Text>
        )}
        {r.status === "pending" && props.canDecide && (
          <>
            <Textarea
              label={t("delisting.reason")}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required
              maxLength={2000}
              autosize
            />
            <Group>
              <Button
                color="red"
                disabled={!reason.trim()}
                onClick={() => decide.mutate("delist")}
                loading={decide.isPending}
              >
                {t("delisting.delist")}
              </Button>
              <Button
                variant="light"
                disabled={!reason.trim()}
                onClick={() => decide.mutate("reject")}
                loading={decide.isPending}
              >
                {t("delisting.reject")}
              </Button>
            </Group>
            <FormError error={decide.error} />
          </>
        )}
      </Stack>
    </Card>
  );
}

/** Site owners' delisting requests; an analyst or unit admin decides, and a delisting reaches every feed. */
export function DelistingQueuePage() {
  const { t } = useTranslation("hubPhishing");
  const requests = useDelistingRequests();
  const canDecide = (useHubMe().data?.rights ?? []).includes("urls.judge");
  return (
    <Stack gap="sm">
      <Title order={2}>{t("delisting.title")}</Title>
      <FormError error={requests.error} />
      {requests.data?.length === 0 && <Text>{t("delisting.none")}</Text>}
      {requests.data?.map((r) => (
        <RequestCard key={r.id} request={r} canDecide={canDecide} />
      ))}
    </Stack>
  );
}
