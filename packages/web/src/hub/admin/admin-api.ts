import type { THubRole } from "@sonae/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";

export type Memberships = {
  members: {
    userId: string;
    email: string;
    displayName: string;
    isDisabled: boolean;
    unitId: number;
    role: THubRole;
  }[];
  unassigned: { userId: string; email: string; displayName: string }[];
  manageableUnitIds: number[] | null;
  nationalAdminCount: number;
};

export type KeyStatus = "pending" | "active" | "revoked";
export type OrgKey = {
  id: string;
  fingerprint: string;
  orgName: string;
  unitId: number;
  status: KeyStatus;
  registeredAt: string;
  nameClaimedEarlier: boolean;
};
export type OrgKeyConfirmation = {
  key: OrgKey;
  claimed: {
    signedOrgName: string;
    packageOrgName: string | null;
    packagePrefecture: string | null;
    contactName: string | null;
    contactPhone: string | null;
    latestReference: string | null;
    latestReceivedAt: string | null;
    reportCount: number;
  };
  sameNameKeys: { fingerprint: string; status: KeyStatus; unitId: number; registeredAt: string }[];
};

export const useMemberships = () =>
  useQuery({
    queryKey: ["hub", "memberships"],
    queryFn: () => api<Memberships>("GET", "/api/hub/memberships"),
  });

/** Set or remove a membership; refreshes the list (and "me", which may have changed). */
export function useMembershipChange() {
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: ["hub"] });
  return {
    set: useMutation({
      mutationFn: (v: { email: string; unitId: number; role: THubRole }) =>
        api("PUT", "/api/hub/memberships", v),
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: (userId: string) => api("DELETE", `/api/hub/memberships/${userId}`),
      onSuccess: done,
    }),
  };
}

export const useOrgKeys = () =>
  useQuery({ queryKey: ["hub", "org-keys"], queryFn: () => api<OrgKey[]>("GET", "/api/hub/org-keys") });

export const useOrgKeyConfirmation = (id: string | null) =>
  useQuery({
    queryKey: ["hub", "org-key", id],
    queryFn: () => api<OrgKeyConfirmation>("GET", `/api/hub/org-keys/${id}`),
    enabled: id !== null,
  });

export function useOrgKeyStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; status: "active" | "revoked" }) =>
      api("POST", `/api/hub/org-keys/${v.id}/status`, { status: v.status }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["hub"] }),
  });
}
