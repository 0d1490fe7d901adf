// Types for scripts/serve.mjs, so the TypeScript tests can import it under strict settings.
import type { Server } from 'node:http';

export declare const demoContentSecurityPolicy: string;
export declare function contentSecurityPolicy(connectSrc?: string[]): string;
export declare function resolveRequestPath(
  rawPath: string,
  root?: string,
): { file: string; mount: { prefix: string; dir: string; shared: boolean }; directoryRequest: boolean };
export declare function createDemoServer(options?: { root?: string; connectSrc?: string[] }): Server;
export declare function startDemoServer(options?: {
  port?: number;
  host?: string;
  root?: string;
  connectSrc?: string[];
}): Promise<{ server: Server; url: string }>;
