import { Button, Stack, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TOrganisation, TOrganisationProfile } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { useSession } from "../../api/session";
import { FormError } from "../../components/form-error";
import { EMPTY_PROFILE, OrganisationFields } from "../../components/organisation-fields";

export function OrganisationPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ["organisation"],
    queryFn: () => api<TOrganisation>("GET", "/api/organisation"),
  });
  const [profile, setProfile] = useState<TOrganisationProfile>(EMPTY_PROFILE);
  useEffect(() => {
    if (query.data) {
      const { name, prefectureCode, industryCode, smeSubSector, capitalYen, employees } = query.data;
      setProfile({ name, prefectureCode, industryCode, smeSubSector, capitalYen, employees });
    }
  }, [query.data]);
  const mutation = useMutation({
    mutationFn: () => api<TOrganisation>("PUT", "/api/organisation", profile),
    onSuccess: async (data) => {
      queryClient.setQueryData(["organisation"], data);
      await queryClient.invalidateQueries({ queryKey: ["session"] });
      notifications.show({ color: "green", message: t("common.saved") });
    },
  });
  const canEdit = session?.user?.role === "admin";
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <Stack component="form" onSubmit={submit} maw={560} gap="md">
      <Title order={2}>{t("org.title")}</Title>
      <FormError error={query.error} />
      <OrganisationFields value={profile} onChange={setProfile} disabled={!canEdit || query.isPending} />
      <FormError error={mutation.error} />
      {canEdit && (
        <Button type="submit" loading={mutation.isPending}>
          {t("common.save")}
        </Button>
      )}
    </Stack>
  );
}
