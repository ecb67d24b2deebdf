/**
 * Type-check the `.astro` files (and the rest of the project) as `astro check`
 * does, with Astro's language server; `npm run typecheck` runs it after `tsc`,
 * which does not read `.astro` files.
 *
 *   node scripts/check-astro.ts [--root DIR]
 *
 * The language server is built on TypeScript's JavaScript API, which
 * TypeScript 7 does not ship (withastro/astro#17268), and `@astrojs/check`
 * requires TypeScript 5 or 6 as a peer, which the project's TypeScript 7 fails.
 * So this calls the server's `AstroCheck` (what `@astrojs/check` wraps)
 * with TypeScript 6, installed under another name (`typescript6`) beside 7.
 *
 * Exit status: 1 when any error was found, else 0.
 */
import { createRequire, registerHooks } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CheckResult } from '@astrojs/language-server';

// The language server's Volar kit requires `typescript` itself: in this
// process, that name means TypeScript 6.
registerHooks({ resolve: (specifier, context, next) => next(specifier === 'typescript' ? 'typescript6' : specifier, context) });
const { AstroCheck } = await import('@astrojs/language-server');

/** Check the project at `root`, printing each diagnostic of warning level or above. */
export function checkAstro(root: string): Promise<CheckResult> {
  const checker = new AstroCheck(root, createRequire(import.meta.url).resolve('typescript6'), undefined);
  return checker.lint({ logErrors: { level: 'warning' } });
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { root: { type: 'string', default: path.resolve(import.meta.dirname, '..') } } });
  const result = await checkAstro(values.root);
  console.log(`check-astro: ${result.fileChecked} files, ${result.errors} errors, ${result.warnings} warnings, ${result.hints} hints`);
  process.exitCode = result.errors > 0 ? 1 : 0;
}
