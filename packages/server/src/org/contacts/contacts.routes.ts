import {
  todayInJapan,
  ZContact,
  ZContactsOverview,
  ZCreateContactRequest,
  ZUpdateContactRequest,
} from "@sonae/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { assertCan, requireActor } from "../../platform/auth/auth.policy";
import { contextOf } from "../../platform/http/request-context";
import { getOrganisation } from "../organisation/organisation.service";
import { presentContact } from "./contacts.present";
import { createContact, deleteContact, findContacts, updateContact } from "./contacts.service";
import { BUILT_IN_POLICE_NUMBERS, NPA_DESK_LIST_URL } from "./contacts-built-in";

const ZIdParams = z.object({ id: z.uuid() });
const TAGS = ["readiness"];

/** Contacts of the readiness area: `/api/readiness/contacts`. Viewers read; members and admins change. */
export function contactsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/readiness/contacts",
      {
        schema: {
          tags: TAGS,
          summary: "連絡先（警察窓口・社内体制・外部）/ Contacts: police desk, team, external parties",
          response: { 200: ZContactsOverview },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.read");
        const today = todayInJapan();
        const [rows, organisation] = await Promise.all([
          findContacts(deps.db, actor.organisationId),
          getOrganisation(deps.db, actor.organisationId),
        ]);
        const contacts = rows.map((row) => presentContact(row, today));
        return {
          contacts,
          policeDesk: contacts.find((c) => c.category === "police_desk") ?? null,
          builtIn: BUILT_IN_POLICE_NUMBERS,
          npaDeskListUrl: NPA_DESK_LIST_URL,
          prefectureCode: organisation.prefectureCode,
          staleCount: contacts.filter((c) => c.verification !== "current").length,
          today,
        };
      },
    );

    app.post(
      "/api/readiness/contacts",
      {
        schema: {
          tags: TAGS,
          summary: "連絡先の登録 / Add a contact",
          body: ZCreateContactRequest,
          response: { 201: ZContact },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertCan(actor, "record.write");
        const row = await createContact(deps.db, contextOf(request), request.body);
        return reply.status(201).send(presentContact(row, todayInJapan()));
      },
    );

    app.put(
      "/api/readiness/contacts/:id",
      {
        schema: {
          tags: TAGS,
          summary: "連絡先の更新 / Update a contact",
          params: ZIdParams,
          body: ZUpdateContactRequest,
          response: { 200: ZContact },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, "record.write");
        const row = await updateContact(deps.db, contextOf(request), request.params.id, request.body);
        return presentContact(row, todayInJapan());
      },
    );

    app.delete(
      "/api/readiness/contacts/:id",
      {
        schema: {
          tags: TAGS,
          summary: "連絡先の削除 / Delete a contact",
          params: ZIdParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertCan(actor, "record.write");
        await deleteContact(deps.db, contextOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
