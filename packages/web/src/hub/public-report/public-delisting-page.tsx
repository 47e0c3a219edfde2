import { Alert, Button, Card, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { solvePow, type THubPowChallenge } from "@sonae/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";

/**
 * The one delisting path (issue 17): a site owner asks the police to review a listed URL or domain.
 * Same friction as the report form: a proof of work in the browser and a per-address rate limit.
 */
export function PublicDelistingPage() {
  const { t } = useTranslation("publicReport");
  const [form, setForm] = useState({ target: "", contact: "", explanation: "" });
  const field = (k: keyof typeof form) => ({
    value: form[k],
    onChange: (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value }),
  });
  const send = useMutation({
    mutationFn: async () => {
      const challenge = await api<THubPowChallenge>("GET", "/api/hub/public/challenge");
      const solution = await solvePow(challenge.challenge, challenge.bits);
      return api<{ id: string; target: string }>("POST", "/api/hub/public/delisting", {
        ...form,
        pow: { challenge: challenge.challenge, solution },
      });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  return (
    <Stack maw={720} gap="md" p="md" mx="auto">
      <Title order={2}>{t("delistTitle")}</Title>
      <Text>{t("delistIntro")}</Text>
      {send.data ? (
        <Alert color="green" data-testid="delisting-done">
          {t("delistDone", { id: send.data.id, target: send.data.target })}
        </Alert>
      ) : (
        <Card withBorder component="form" onSubmit={submit}>
          <Stack gap="sm">
            <TextInput
              label={t("delistTarget")}
              {...field("target")}
              required
              maxLength={2048}
              spellCheck={false}
            />
            <TextInput label={t("delistContact")} {...field("contact")} required maxLength={200} />
            <Textarea
              label={t("delistExplanation")}
              {...field("explanation")}
              required
              autosize
              minRows={4}
              maxLength={5000}
            />
            <FormError error={send.error} />
            {send.isPending && <Text size="sm">{t("solving")}</Text>}
            <Button
              type="submit"
              loading={send.isPending}
              disabled={!form.target.trim() || !form.contact.trim() || !form.explanation.trim()}
            >
              {t("delistSubmit")}
            </Button>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
