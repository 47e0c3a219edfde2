import { Button, Container, Paper, PasswordInput, Stack, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { useRefreshSession } from "../../api/session";
import { EmergencyGuidance } from "../../components/emergency-guidance";
import { FormError } from "../../components/form-error";
import { LanguageSwitch } from "../../components/language-switch";

export function LoginPage() {
  const { t } = useTranslation();
  const refresh = useRefreshSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const mutation = useMutation({
    mutationFn: () => api("POST", "/api/auth/login", { email, password }),
    onSuccess: () => refresh(),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <Container size={420} py="xl">
      <Stack gap="md">
        <Paper withBorder p="lg" radius="md">
          <Stack component="form" onSubmit={submit} gap="md">
            <LanguageSwitch />
            <Title order={1} size="h2">
              {t("app.name")} — {t("login.title")}
            </Title>
            <TextInput
              label={t("user.email")}
              type="email"
              required
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <PasswordInput
              label={t("login.password")}
              required
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <FormError error={mutation.error} />
            <Button type="submit" loading={mutation.isPending}>
              {t("login.submit")}
            </Button>
          </Stack>
        </Paper>
        <EmergencyGuidance testId="login-emergency-guidance" />
      </Stack>
    </Container>
  );
}
