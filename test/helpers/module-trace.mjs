// Preloaded (node --import, e.g. through NODE_OPTIONS) into a kumoscan process: every module it loads is listed,
// one URL a line, in the file named by KUMOSCAN_MODULE_TRACE. ES modules are recorded by a load hook (which runs
// in the loader thread, so it appends to the file itself); CommonJS modules required from inside a package are
// added from the require cache when the process exits. Used by test/e2e/start-up-modules.test.ts.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const file = process.env.KUMOSCAN_MODULE_TRACE;
if (file) {
  register('./module-trace-hooks.mjs', import.meta.url, { data: { file } });
  const require = createRequire(import.meta.url);
  process.on('exit', () => {
    const loaded = Object.keys(require.cache).map((p) => pathToFileURL(p).href);
    appendFileSync(file, loaded.map((u) => `${u}\n`).join(''));
  });
}
