// SKM follow-up routes (rencana tindak lanjut of a unit's survey results), served by the forums
// function beside the public forums: both turn what citizens said into actions with owners and dates.
import { ok, type Routes } from '../http/api.js';
import { parse } from '../http/validation.js';
import { FollowUpBody, FollowUpPatchBody, FollowUpQuery, ProposalQuery } from './schemas.js';
import { createFollowUp, followUpProposal, listFollowUps, updateFollowUpAction } from './follow-ups.js';

export const followUpRoutes: Routes = {
  'POST /v1/ikm/follow-ups': {
    auth: 'user',
    handle: async ({ principal, body }) => ok(await createFollowUp(principal, parse(FollowUpBody, body, 'follow-up')), 201),
  },
  'GET /v1/ikm/follow-ups': {
    auth: 'user',
    handle: async ({ principal, query }) => ok(await listFollowUps(principal, parse(FollowUpQuery, query, 'query'))),
  },
  'GET /v1/ikm/follow-ups/proposal': {
    auth: 'user',
    handle: async ({ principal, query }) => ok(await followUpProposal(principal, parse(ProposalQuery, query, 'query'))),
  },
  'PATCH /v1/ikm/follow-ups/{id}': {
    auth: 'user',
    handle: async ({ principal, params, body }) => ok(await updateFollowUpAction(principal, params.id ?? '', parse(FollowUpPatchBody, body, 'follow-up action'))),
  },
};
