// Documents function: the SKP and evaluation PDFs, award certificates and an agency's evaluation
// documents as one ZIP. pdf-lib lives only in this function's bundle (DESIGN §6).
import * as z from 'zod/mini';
import { httpApi, ok, type ApiResult, type Routes } from '../http/api.js';
import { pageQuery } from '../http/paging.js';
import { parse } from '../http/validation.js';
import { agencyBundle, certificateDocument, evaluationDocument, skpDocument, type Document } from './service.js';

const Year = z.strictObject({ year: z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100)) });
const BundleQuery = z.strictObject({
  period: z.string().check(z.regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'Use YYYY-MM, YYYY-Qn or YYYY')),
  ...pageQuery,
});
const NoQuery = z.strictObject({});

const file = (doc: Document, type: string, headers: Record<string, string> = {}): ApiResult =>
  ok(doc.bytes, 200, { 'content-type': type, 'content-disposition': `attachment; filename="${doc.filename}"`, 'cache-control': 'private, no-store', ...headers });
const pdf = (doc: Document) => file(doc, 'application/pdf');

const routes: Routes = {
  'GET /v1/officers/{id}/plans/{year}/document': {
    auth: 'user',
    handle: async ({ principal, params, query }) => {
      parse(NoQuery, query, 'query');
      return pdf(await skpDocument(principal, params.id!, parse(Year, { year: params.year }, 'path').year));
    },
  },
  'GET /v1/evaluations/{id}/document': {
    auth: 'user',
    handle: async ({ principal, params, query }) => { parse(NoQuery, query, 'query'); return pdf(await evaluationDocument(principal, params.id!)); },
  },
  'GET /v1/awards/{id}/certificate': {
    auth: 'user',
    handle: async ({ principal, params, query }) => { parse(NoQuery, query, 'query'); return pdf(await certificateDocument(principal, params.id!)); },
  },
  'GET /v1/agencies/{id}/evaluation-documents': {
    auth: 'user',
    handle: async ({ principal, params, query }) => {
      const bundle = await agencyBundle(principal, params.id!, parse(BundleQuery, query, 'query'));
      // The next page's cursor and the count travel as headers: the body is the ZIP itself.
      return file(bundle, 'application/zip', {
        'x-document-count': String(bundle.count), ...(bundle.nextCursor ? { 'x-next-cursor': bundle.nextCursor } : {}),
        'access-control-expose-headers': 'content-disposition, x-document-count, x-next-cursor',
      });
    },
  },
};

export const handler = httpApi(routes);
