import { Button, Container, Fieldset, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TOrganisationProfile } from "@sonae/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { useRefreshSession } from "../../api/session";
import { FormError } from "../../components/form-error";
import { LanguageSwitch } from "../../components/language-switch";
import { EMPTY_PROFILE, OrganisationFields } from "../../components/organisation-fields";

/** First run: the organisation and its first administrator, with a password the person chooses. */
export function SetupPage() {
  const { t } = useTranslation();
  const refresh = useRefreshSession();
  const [organisation, setOrganisation] = useState<TOrganisationProfile>(EMPTY_PROFILE);
  const [admin, setAdmin] = useState({ displayName: "", email: "", password: "" });
  const mutation = useMutation({
    mutationFn: () => api("POST", "/api/setup", { organisation, admin }),
    onSuccess: async () => {
      notifications.show({ color: "green", message: t("setup.done") });
      await refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };

  return (
    <Container size="sm" py="xl">
      <Stack component="form" onSubmit={submit} gap="md">
        <Stack gap={4}>
          <LanguageSwitch />
          <Title order={1}>{t("setup.title")}</Title>
          <Text>{t("setup.intro")}</Text>
        </Stack>
        <Fieldset legend={t("setup.organisation")}>
          <OrganisationFields value={organisation} onChange={setOrganisation} />
        </Fieldset>
        <Fieldset legend={t("setup.admin")}>
          <Stack gap="sm">
            <TextInput
              label={t("user.displayName")}
              required
              value={admin.displayName}
              onChange={(e) => setAdmin({ ...admin, displayName: e.currentTarget.value })}
            />
            <TextInput
              label={t("user.email")}
              type="email"
              required
              autoComplete="username"
              value={admin.email}
              onChange={(e) => setAdmin({ ...admin, email: e.currentTarget.value })}
            />
            <PasswordInput
              label={t("user.password")}
              required
              minLength={12}
              autoComplete="new-password"
              value={admin.password}
              onChange={(e) => setAdmin({ ...admin, password: e.currentTarget.value })}
            />
          </Stack>
        </Fieldset>
        <FormError error={mutation.error} />
        <Button type="submit" loading={mutation.isPending}>
          {t("setup.submit")}
        </Button>
      </Stack>
    </Container>
  );
}
