// Component and browser tests: real Debian Chromium, TypeScript through esbuild.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { testRoutes } from './scripts/test-routes.mjs';

const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * Every test file starts with an empty history. The launcher reuses a finished page for the next
 * file, whose history would start where the last one left it: at Chromium's cap of 50 entries it
 * drops entries a page pushed without a user gesture, and a test going Back leaves its page. So
 * each page's history is reset when its file is done (CDP Page.resetNavigationHistory).
 */
function freshHistoryPerFile(launcher) {
  const stopSession = launcher.stopSession.bind(launcher);
  launcher.stopSession = async (sessionId) => {
    const page = launcher.activePages.get(sessionId)?.puppeteerPage;
    const result = await stopSession(sessionId);
    const session = await page?.createCDPSession().catch(() => undefined);
    await session?.send('Page.resetNavigationHistory').catch(() => {});
    await session?.detach().catch(() => {});
    return result;
  };
  return launcher;
}

export default {
  rootDir: '.',
  files: [
    'packages/*/test/**/*.test.ts',
    '!packages/*/test/**/*.node.test.ts',
    'stories/**/*.test.ts',
    'demo/configurator/test/**/*.test.ts',
  ],
  nodeResolve: { exportConditions: ['development', 'browser'] },
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  middleware: testRoutes,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'auto' })],
  browsers: [freshHistoryPerFile(
    chromeLauncher({
      // With concurrency, extra test pages would open as background tabs, which get no
      // animation frames, media-change events or hover; each page gets its own window instead.
      async createPage({ browser }) {
        const session = await browser.target().createCDPSession();
        const { targetId } = await session.send('Target.createTarget', { url: 'about:blank', newWindow: true });
        await session.detach();
        const target = await browser.waitForTarget((t) => t._targetId === targetId);
        return target.page();
      },
      launchOptions: {
        executablePath: chromePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
        ],
      },
    }),
  )],
};
