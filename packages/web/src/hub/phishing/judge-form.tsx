import { Alert, Button, Card, Group, Select, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { PHISH_CATEGORIES, type TPhishCategory, type TPhishProposal } from "@sonae/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";

type State = "confirmed" | "benign" | "unreachable";

/** Judge buttons: state, category (when confirming), brand and a required reason; prefilled from the assistant. */
export function JudgeForm(props: { urlId: number; proposal: TPhishProposal }) {
  const { t } = useTranslation("hubPhishing");
  const client = useQueryClient();
  const proposed = props.proposal.verdict;
  const [state, setState] = useState<State>(proposed === "benign" ? "benign" : "confirmed");
  const [category, setCategory] = useState<TPhishCategory | null>(
    proposed === "phishing" || proposed === "fake_shop" || proposed === "support_scam" ? proposed : null,
  );
  const [brandId, setBrandId] = useState(props.proposal.brand?.id ?? "");
  const [reason, setReason] = useState("");
  const judge = useMutation({
    mutationFn: () =>
      api<{ discovered: number }>("POST", `/api/hub/urls/${props.urlId}/judgement`, {
        state,
        reason,
        ...(state === "confirmed" && category ? { category } : {}),
        ...(brandId.trim() ? { brandId: brandId.trim() } : {}),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["hub"] }),
  });
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={4}>{t("detail.judge")}</Title>
        <Group align="end">
          <Select
            label={t("list.state")}
            value={state}
            onChange={(v) => v && setState(v as State)}
            data={(["confirmed", "benign", "unreachable"] as const).map((s) => ({
              value: s,
              label: t(`state.${s}`),
            }))}
            w={160}
            data-testid="judge-state"
          />
          {state === "confirmed" && (
            <Select
              label={t("list.category")}
              value={category}
              onChange={(v) => setCategory(v as TPhishCategory | null)}
              data={PHISH_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
              w={180}
              data-testid="judge-category"
            />
          )}
          <TextInput
            label={t("detail.brandId")}
            value={brandId}
            onChange={(e) => setBrandId(e.currentTarget.value)}
            w={180}
          />
        </Group>
        <Textarea
          label={t("detail.reason")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          autosize
          minRows={2}
          maxLength={2000}
          data-testid="judge-reason"
        />
        <FormError error={judge.error} />
        {judge.isSuccess && (
          <Alert color="green">
            {t("detail.saved")}{" "}
            {judge.data.discovered > 0 && t("detail.discovered", { n: judge.data.discovered })}
          </Alert>
        )}
        <Button
          onClick={() => judge.mutate()}
          loading={judge.isPending}
          disabled={!reason.trim() || (state === "confirmed" && !category)}
          data-testid="judge-save"
        >
          {t("detail.save")}
        </Button>
      </Stack>
    </Card>
  );
}
