import { launchBrowser } from '../tests/browser/helpers.ts';
import { serveGzipped } from './lib/gzip-server.ts';
const [dist, query] = process.argv.slice(2);
const server = await serveGzipped(dist!);
const browser = await launchBrowser();
for (let i = 0; i < 2; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start');
  await page.goto(`${server.url}search/?q=${encodeURIComponent(query!)}`);
  const ms = await (await page.waitForFunction(() => document.querySelector('a.search-result-title') && performance.now())).jsonValue();
  const { profile } = await cdp.send('Profiler.stop') as any;
  const res = await page.evaluate(() => performance.getEntriesByType('resource').map((e: any) => `${e.startTime.toFixed(0)}-${e.responseEnd.toFixed(0)} ${e.name.split('/').slice(-2).join('/')}`));
  if (i === 1) {
    const self = new Map<string, number>();
    const dt = profile.timeDeltas as number[]; const counts = new Map<number, number>();
    profile.samples.forEach((id: number, k: number) => counts.set(id, (counts.get(id) ?? 0) + (dt[k] ?? 0)));
    for (const n of profile.nodes) { const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(key, (self.get(key) ?? 0) + (counts.get(n.id) ?? 0) / 1000); }
    console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1).padStart(7)} ms ${k}`).join('\n'));
    console.log(res.join('\n')); console.log('links at', ms);
  }
  await context.close();
}
await browser.close(); await server.close();
