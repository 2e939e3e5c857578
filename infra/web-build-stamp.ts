/** Written into the dashboard's dist after a production build by the local runtime (infra/local/web-build.ts):
 *  a dist without it is built again; the deploy (infra/constructs/web.ts) leaves it out of the bucket. */
export const WEB_BUILD_STAMP = '.kinerja-build';
