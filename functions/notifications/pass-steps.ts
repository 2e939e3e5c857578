/** The daily pass's steps in order; a run started through the API reports each one as it finishes. Apart from
 *  ./pass.ts so the routes that follow a run do not bundle the pass. */
export const PASS_STEPS = ['reports', 'reviews', 'complaints', 'visits', 'actions'] as const;
export type PassStep = (typeof PASS_STEPS)[number];
