// Complaint filing retried with an Idempotency-Key (stored once, same code), and the admins' list
// paged by limit and cursor (DESIGN §4 Lists), against DynamoDB Local through the HTTP harness.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { snapshot } from './security/snapshot.js';

let h: Harness;
beforeAll(async () => { h = await startHarness({ stream: false }); });
afterAll(async () => { await h?.close(); });

let ip = 0;
const newClient = () => `10.19.${Math.floor(++ip / 250)}.${ip % 250}`;
const complaint = (over: Record<string, unknown> = {}) => ({
  tenant: 'serang', unitId: 'dinkes-u1', category: 'waktu',
  description: 'Antrean di loket pendaftaran lebih dari dua jam setiap pagi.', ...over,
});
const file = (body: unknown, key?: string, client = newClient()) =>
  h.call('POST', '/v1/public/complaints', { body, headers: { 'x-forwarded-for': client, ...(key ? { 'idempotency-key': key } : {}) } });
const storedComplaints = async () => [...(await snapshot(h.tableName, (pk) => pk.startsWith('TENANT#serang#COMPLAINT#'))).keys()].length;
const list = (query: string, as = 'serang.admin') => h.call('GET', `/v1/complaints${query}`, { as });

describe('Idempotency-Key on filing', () => {
  it('a retried filing is stored once and answered with the same code', async () => {
    const before = await storedComplaints();
    const body = complaint();
    const first = await file(body, 'cmp-retry-1');
    expect(first.status).toBe(201);
    // The outbox retries after a lost answer, maybe from another address (mobile data after Wi-Fi).
    const retries = [await file(body, 'cmp-retry-1'), await file(body, 'cmp-retry-1')];
    for (const r of retries) expect(r).toMatchObject({ status: 201, body: { code: first.body.code } });
    expect(await storedComplaints()).toBe(before + 1);
    expect((await h.call('GET', `/v1/public/complaints/${first.body.code}`)).status).toBe(200);
  });

  it('the same key with another body is refused with 422 and stores nothing', async () => {
    expect((await file(complaint(), 'cmp-reused-1')).status).toBe(201);
    const before = await storedComplaints();
    const other = await file(complaint({ description: 'Petugas loket tidak ada di tempat pada jam pelayanan.' }), 'cmp-reused-1');
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await storedComplaints()).toBe(before);
    expect((await file(complaint(), 'two words')).status).toBe(400);
  });

  it('without a key, two identical filings are two complaints', async () => {
    const before = await storedComplaints();
    const [a, b] = [await file(complaint()), await file(complaint())];
    expect(a.body.code).not.toBe(b.body.code);
    expect(await storedComplaints()).toBe(before + 2);
  });
});

describe('the admins\' list, paged', () => {
  beforeAll(async () => {
    for (const unitId of ['pupr-u1', 'dinkes-u2', 'pupr-u1']) expect((await file(complaint({ unitId }))).status).toBe(201);
  });

  it('limit=1 answers one item and a cursor; following the cursors walks every complaint once, newest first', async () => {
    const everything = (await list('')).body;
    expect(everything.items.length).toBe(7); // filed in this file: 1 + 1 + 2 + 3
    expect(everything.complaints).toEqual(everything.items); // the old name, kept for one version
    expect(everything.nextCursor).toBeNull();

    const first = await list('?limit=1');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list(`?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await list(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.items.map((c) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(everything.items.map((c: { id: string }) => c.id));
  });

  it('keeps the filters: an agency admin pages through their own agency only; status and overdue still apply', async () => {
    const dinkes = (await list('?limit=2', 'serang.opd')).body;
    expect(dinkes.items.length).toBeGreaterThan(0);
    expect(dinkes.items.every((c: { agencyId: string }) => c.agencyId === 'dinkes')).toBe(true);
    expect((await list('?status=received&limit=200')).body.items.every((c: { status: string }) => c.status === 'received')).toBe(true);
    expect((await list('?status=answered')).body.items).toEqual([]);
    expect((await list('?overdue=true')).body.items).toEqual([]); // all filed just now
  });

  it('refuses a tampered or foreign cursor and an out-of-range limit with 400', async () => {
    const { nextCursor } = (await list('?limit=1')).body;
    const decoded = JSON.parse(Buffer.from(nextCursor, 'base64url').toString('utf8'));
    const forge = (key: unknown) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
    const tampered = [
      forge({ ...decoded, GSI2PK: 'TENANT#banjarbaru#COMPLAINTS' }), // another tenant's list
      forge({ GSI2PK: decoded.GSI2PK }), // not a start key of this index
      nextCursor.slice(0, -4), // cut short
      'bm90LWpzb24', // "not-json"
    ];
    for (const cursor of tampered) {
      const res = await list(`?limit=1&cursor=${cursor}`);
      expect(res.status, cursor).toBe(400);
      expect(res.body.error.details[0].field).toBe('cursor');
    }
    // A cursor of the whole list does not continue the per-status list.
    expect((await list(`?status=received&cursor=${nextCursor}`)).status).toBe(400);
    for (const limit of ['0', '201', 'x']) expect((await list(`?limit=${limit}`)).status).toBe(400);
  });
});
