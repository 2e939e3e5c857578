// Forums function: the public forums (forum konsultasi publik) with their actions, and the SKM
// follow-ups (functions/surveys/follow-up-routes.ts): what citizens said, turned into actions.
import { httpApi, ok, type Routes } from '../http/api.js';
import { idempotencyKeyOf } from '../http/idempotency.js';
import { parse } from '../http/validation.js';
import { ForumActionBody, ForumActionParams, ForumBody, ForumQuery } from './schema.js';
import { listForums, recordForum, updateForumAction } from './service.js';
import { followUpRoutes } from '../surveys/follow-up-routes.js';

export const forumRoutes: Routes = {
  'POST /v1/forums': {
    auth: 'user',
    handle: async ({ principal, body, headers }) => {
      const forum = parse(ForumBody, body, 'forum');
      return ok(await recordForum(principal, forum, idempotencyKeyOf(headers)), 201);
    },
  },
  'GET /v1/forums': {
    auth: 'user',
    handle: async ({ principal, query }) => ok(await listForums(principal, parse(ForumQuery, query, 'query'))),
  },
  'PATCH /v1/forums/{id}/actions/{actionId}': {
    auth: 'user',
    handle: async ({ principal, params, body }) => {
      const { id, actionId } = parse(ForumActionParams, params, 'path');
      return ok(await updateForumAction(principal, id, actionId, parse(ForumActionBody, body, 'forum action')));
    },
  },
};

export const handler = httpApi({ ...forumRoutes, ...followUpRoutes });
