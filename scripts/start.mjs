// npm start: build the script-tag bundle, then serve the demo.
//
// It always rebuilds (a second or so), so the demo never shows a stale bundle. An exceeded size
// budget is reported but does not stop the demo; npm run build is the gate for that.
import { buildEmbed } from './build.mjs';
import { startDemoServer } from './serve.mjs';

try {
  const failed = await buildEmbed();
  if (failed > 0) console.warn('start: the bundle is over a size budget (see above); serving it anyway');
} catch (error) {
  console.error(`start: the build failed, nothing to serve: ${error?.message ?? error}`);
  process.exit(1);
}

try {
  const { url } = await startDemoServer();
  console.log('');
  console.log(`  Demo partner page   ${url}`);
  console.log(`  Script-tag bundle   ${url}dist/embed/wir-widgets.js`);
  console.log(`  Sample feed         ${url}feeds/hannover.json`);
  console.log('');
  console.log('  Ctrl+C stops the server.');
} catch (error) {
  console.error(`start: ${error.message}`);
  process.exit(1);
}
