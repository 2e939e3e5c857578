// oidc-provider ships no type declarations (and @types/oidc-provider is not a dependency): the little
// of its surface that infra/local/oidc.ts uses, typed loosely.
declare module 'oidc-provider' {
  import type http from 'node:http';
  export type Configuration = Record<string, any>;
  export type KoaContextWithOIDC = any;
  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    Grant: any;
    callback(): (req: http.IncomingMessage, res: http.ServerResponse) => void;
    on(event: string, listener: (...args: any[]) => void): this;
    interactionDetails(req: http.IncomingMessage, res: http.ServerResponse): Promise<{ uid: string; prompt: { name: string }; params: Record<string, unknown> }>;
    interactionFinished(req: http.IncomingMessage, res: http.ServerResponse, result: Record<string, unknown>, opts?: { mergeWithLastSubmission?: boolean }): Promise<void>;
  }
}
