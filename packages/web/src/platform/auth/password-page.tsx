import { Button, PasswordInput, Stack, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";

export function PasswordPage() {
  const { t } = useTranslation();
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNext] = useState("");
  const mutation = useMutation({
    mutationFn: () => api("POST", "/api/auth/password", { currentPassword, newPassword }),
    onSuccess: () => {
      setCurrent("");
      setNext("");
      notifications.show({ color: "green", message: t("password.changed") });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <Stack component="form" onSubmit={submit} maw={480} gap="md">
      <Title order={2}>{t("password.title")}</Title>
      <PasswordInput
        label={t("password.current")}
        required
        autoComplete="current-password"
        value={currentPassword}
        onChange={(e) => setCurrent(e.currentTarget.value)}
      />
      <PasswordInput
        label={t("password.next")}
        required
        minLength={12}
        autoComplete="new-password"
        value={newPassword}
        onChange={(e) => setNext(e.currentTarget.value)}
      />
      <FormError error={mutation.error} />
      <Button type="submit" loading={mutation.isPending}>
        {t("common.save")}
      </Button>
    </Stack>
  );
}
