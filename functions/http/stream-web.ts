// `node:stream/web` as the bundles see it (infra/constructs/bundling.ts BUNDLE_ALIASES). @middy/core imports
// ReadableStream from it at load, for response streaming only (an `instanceof` when a streamed handler
// answers), and loading node's web streams costs every function's cold start about 4–5 ms of the 40 ms
// DESIGN §6 allows. This ReadableStream answers that `instanceof` with the real class, loaded on first use.
export const ReadableStream = {
  [Symbol.hasInstance]: (value: unknown): boolean => value instanceof globalThis.ReadableStream,
};
