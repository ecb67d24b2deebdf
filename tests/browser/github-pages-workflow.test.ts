/**
 * The GitHub Pages workflow cannot run here, so this test reads it and runs
 * its build commands locally, with the values `actions/configure-pages` gives
 * a project site (origin `https://<owner>.github.io`, base path `/<repo>`):
 * the folder it uploads must hold the site under that base.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { ROOT } from './helpers.ts';

interface Step {
  uses?: string;
  run?: string;
  id?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Workflow {
  on: { push?: { branches?: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[]; needs?: string }>;
}

/** What `actions/configure-pages` outputs for the repository `owner/harbour-gazette`. */
const PAGES_OUTPUTS: Record<string, string> = { origin: 'https://owner.github.io', base_path: '/harbour-gazette' };

/** A step's environment with `${{ steps.pages.outputs.X }}` replaced as GitHub would. */
function expandEnv(env: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).map(([name, value]) => [
      name,
      value.replace(/\$\{\{\s*steps\.pages\.outputs\.(\w+)\s*\}\}/g, (_, key: string) => {
        if (!(key in PAGES_OUTPUTS)) throw new Error(`the workflow reads an output configure-pages does not give: ${key}`);
        return PAGES_OUTPUTS[key]!;
      }),
    ]),
  );
}

function runShell(command: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} exited with ${code}:\n${output.slice(-3000)}`))));
  });
}

const workDirs: string[] = [];
afterAll(async () => {
  for (const dir of workDirs) await rm(dir, { recursive: true, force: true });
});

describe('GitHub Pages workflow', () => {
  it('builds on pushes to main, with the permissions Pages deployment needs', async () => {
    const workflow = load(await readFile(path.join(ROOT, '.github/workflows/pages.yml'), 'utf8')) as Workflow;
    expect(workflow.on.push?.branches).toEqual(['main']);
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    const uses = Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => step.uses?.split('@')[0]));
    expect(uses).toEqual(expect.arrayContaining(['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']));
  });

  it("runs the workflow's own commands to a site under the project's base path", { timeout: 600_000 }, async () => {
    const workflow = load(await readFile(path.join(ROOT, '.github/workflows/pages.yml'), 'utf8')) as Workflow;
    const steps = workflow.jobs.build!.steps;
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact'))!;
    const work = await mkdtemp(path.join(tmpdir(), 'clippings-pages-'));
    workDirs.push(work);
    // Where this run writes, so the checkout's own content/ and dist/ stay as they are.
    const redirect = {
      CLIPPINGS_ARTICLES_DIR: path.join(work, 'articles'),
      CLIPPINGS_OUT_DIR: path.join(work, upload.with!.path!),
      CLIPPINGS_CACHE_DIR: path.join(work, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    };
    const commands = steps.filter((step) => step.run);
    expect(commands.map((step) => step.run!.trim())).toEqual(['npm install --no-audit --no-fund', 'npm run build']);
    for (const step of commands) {
      // The install already ran: the test is running from it.
      if (step.run!.startsWith('npm install')) continue;
      await runShell(step.run!, { ...expandEnv(step.env), ...redirect });
    }
    const dist = redirect.CLIPPINGS_OUT_DIR;
    const home = await readFile(path.join(dist, 'index.html'), 'utf8');
    expect(home).toContain('<link rel="canonical" href="https://owner.github.io/harbour-gazette/">');
    expect(home).toMatch(/<link rel="stylesheet" href="\/harbour-gazette\/_astro\//);
    expect(home).not.toMatch(/(?:href|src|action)="\/(?!harbour-gazette\/)/);
    expect(await readFile(path.join(dist, '404.html'), 'utf8')).toContain('href="/harbour-gazette/"');
    expect(await readFile(path.join(dist, '_headers'), 'utf8')).toContain('/harbour-gazette/*\n  Content-Security-Policy:');
  });
});
