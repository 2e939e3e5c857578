// What the Lambda bundles use in place of mnemonist's LRUCache (infra/constructs/bundling.ts
// BUNDLE_ALIASES). The DynamoDB client builds an endpoint-discovery cache (@aws-sdk/endpoint-cache)
// when it is created, and that is the only importer of mnemonist; with its typed-array helpers it
// is about 7 KB of every bundle. A Map keeps insertion order, so the least recently used key is the
// first one: the same LRU behaviour that EndpointCache uses (get, set, peek, has, clear), in a few
// lines of our own.
export default class LRUCache<K, V> {
  readonly capacity: number;
  private readonly items = new Map<K, V>();

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error('LRUCache: capacity must be a positive integer');
    this.capacity = capacity;
  }

  get size(): number {
    return this.items.size;
  }

  /** The value, now the most recently used. */
  get(key: K): V | undefined {
    if (!this.items.has(key)) return undefined;
    const value = this.items.get(key) as V;
    this.items.delete(key);
    this.items.set(key, value);
    return value;
  }

  /** The value, leaving its place in the order as it was. */
  peek(key: K): V | undefined {
    return this.items.get(key);
  }

  has(key: K): boolean {
    return this.items.has(key);
  }

  /** Stores the value as the most recently used; past capacity the least recently used key goes. */
  set(key: K, value: V): this {
    this.items.delete(key);
    this.items.set(key, value);
    if (this.items.size > this.capacity) this.items.delete(this.items.keys().next().value as K);
    return this;
  }

  clear(): void {
    this.items.clear();
  }
}
