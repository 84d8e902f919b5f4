// Loads pages of a running Crossroads in headless Chromium and prints every Content-Security-Policy violation,
// console error and uncaught exception; exits 1 if there was any. Checks that the policies of SecurityHeaders let
// the pages work (the GraphQL UI renders, calls the API) while blocking what they should.
//   node --experimental-websocket src/test/bench/csp-check.mjs http://localhost:8080/q/graphql-ui/ [more URLs]
// CLICK='css selector' clicks every match after loading (dialogs inject styles: CLICK='[aria-label="Open settings
// dialog"]' on the GraphQL UI). Needs chromium on the PATH (CHROMIUM=/path/to/chrome to choose another) and Node 20+
// (22+ without the flag).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const urls = process.argv.slice(2);
if (urls.length === 0) {
  console.error('usage: csp-check.mjs URL...');
  process.exit(2);
}
const port = 9300 + Math.floor(Math.random() * 500);
const browser = spawn(process.env.CHROMIUM || 'chromium', ['--headless=new', '--no-sandbox', '--disable-gpu',
  `--remote-debugging-port=${port}`, `--user-data-dir=${mkdtempSync(join(tmpdir(), 'csp-check-'))}`, 'about:blank'],
  { stdio: 'ignore' });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function pageSocket() {
  for (let i = 0; i < 100; i++) {
    try {
      const targets = await (await fetch(`http://127.0.0.1:${port}/json`)).json();
      const page = targets.find((t) => t.type === 'page');
      if (page) return page.webSocketDebuggerUrl;
    } catch { /* not up yet */ }
    await sleep(100);
  }
  throw new Error('chromium did not start');
}

const ws = new WebSocket(await pageSocket());
await new Promise((r) => ws.addEventListener('open', r));
let id = 0;
const pending = new Map();
const problems = [];
const send = (method, params = {}) => new Promise((resolve) => {
  pending.set(++id, resolve);
  ws.send(JSON.stringify({ id, method, params }));
});
ws.addEventListener('message', (event) => {
  const msg = JSON.parse(event.data);
  if (msg.id && pending.has(msg.id)) {
    pending.get(msg.id)(msg.result);
    pending.delete(msg.id);
  } else if (msg.method === 'Log.entryAdded' && (msg.params.entry.level === 'error'
      || msg.params.entry.source === 'security')) {
    problems.push(`${msg.params.entry.source}: ${msg.params.entry.text}`);
  } else if (msg.method === 'Runtime.consoleAPICalled' && msg.params.type === 'error') {
    problems.push(`console: ${msg.params.args.map((a) => a.value ?? a.description).join(' ')}`);
  } else if (msg.method === 'Runtime.exceptionThrown') {
    problems.push(`exception: ${msg.params.exceptionDetails.exception?.description ?? msg.params.exceptionDetails.text}`);
  }
});
await send('Log.enable');
await send('Runtime.enable');
let failed = false;
for (const url of urls) {
  problems.length = 0;
  await send('Page.navigate', { url });
  await sleep(4000);
  if (process.env.CLICK) {
    await send('Runtime.evaluate', {
      expression: `document.querySelectorAll(${JSON.stringify(process.env.CLICK)}).forEach((e) => e.click())`,
    });
    await sleep(1500);
  }
  const probe = await send('Runtime.evaluate', { expression: 'document.title + " | " + document.body.innerText.length'
    + ' + " characters of text"', returnByValue: true });
  console.log(`${url}: ${probe.result.value}`);
  for (const p of problems) console.log(`  ${p}`);
  failed ||= problems.length > 0;
}
ws.close();
browser.kill();
process.exit(failed ? 1 : 0);
