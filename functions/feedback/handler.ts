// Feedback function: continuous feedback (what it gives is read beside the evaluations, and the
// evaluation document's feedback column reads from here) and the awards (functions/awards/handler.ts).
import { httpApi, ok, type Routes } from '../http/api.js';
import { idempotencyKeyOf } from '../http/idempotency.js';
import { parse } from '../http/validation.js';
import { FeedbackBody, FeedbackQuery, ReplyBody, StatsQuery } from './schema.js';
import { feedbackStats, giveFeedback, officerFeedback, replyToFeedback } from './service.js';
import { awardRoutes } from '../awards/handler.js';

export const feedbackRoutes: Routes = {
  'POST /v1/officers/{id}/feedback': {
    auth: 'user',
    handle: async ({ principal, params, body, headers }) => {
      const input = parse(FeedbackBody, body, 'body');
      return ok(await giveFeedback(principal, params.id, input, idempotencyKeyOf(headers)), 201);
    },
  },
  'GET /v1/officers/{id}/feedback': {
    auth: 'user',
    handle: async ({ principal, params, query }) => ok(await officerFeedback(principal, params.id, parse(FeedbackQuery, query, 'query'))),
  },
  'POST /v1/feedback/{id}/replies': {
    auth: 'user',
    handle: async ({ principal, params, body }) => ok(await replyToFeedback(principal, params.id, parse(ReplyBody, body, 'body').note), 201),
  },
  'GET /v1/agencies/{id}/feedback-stats': {
    auth: 'user',
    handle: async ({ principal, params, query }) => ok(await feedbackStats(principal, params.id, parse(StatsQuery, query, 'query'))),
  },
};

export const handler = httpApi({ ...feedbackRoutes, ...awardRoutes });
