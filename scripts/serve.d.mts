// Types for scripts/serve.mjs, so the TypeScript tests can import it under strict settings.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

interface DemoOptions {
  root?: string;
  connectSrc?: string[];
  /** Who may frame frame.html (CSP frame-ancestors sources); default ['*']. */
  frameAncestors?: string[];
}

export declare const demoContentSecurityPolicy: string;
export declare function contentSecurityPolicy(connectSrc?: string[]): string;
export declare function frameContentSecurityPolicy(connectSrc?: string[], frameAncestors?: string[]): string;
export declare function resolveRequestPath(
  rawPath: string,
  root?: string,
): { file: string; mount: { prefix: string; dir: string; shared: boolean }; directoryRequest: boolean };
export declare function createDemoHandler(options?: DemoOptions): (request: IncomingMessage, response: ServerResponse) => void;
export declare function createDemoServer(options?: DemoOptions): Server;
export declare function startDemoServer(options?: DemoOptions & { port?: number; host?: string }): Promise<{ server: Server; url: string }>;
