import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkAstro } from './check-astro.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('checkAstro', () => {
  test('reports a prop of the wrong type passed to a component', { timeout: 180_000 }, async () => {
    const project = mkdtempSync(path.join(tmpdir(), 'check-astro-'));
    try {
      symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'), 'dir');
      mkdirSync(path.join(project, 'src/components'), { recursive: true });
      mkdirSync(path.join(project, 'src/pages'), { recursive: true });
      writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ extends: 'astro/tsconfigs/strict', include: ['src'] }));
      writeFileSync(
        path.join(project, 'src/components/Card.astro'),
        '---\ninterface Props {\n  title: string;\n}\nconst { title } = Astro.props;\n---\n<h2>{title}</h2>\n',
      );
      writeFileSync(path.join(project, 'src/pages/index.astro'), "---\nimport Card from '../components/Card.astro';\n---\n<Card title={42} />\n");

      const result = await checkAstro(project);
      const errors = result.fileResult.flatMap((file) =>
        file.errors.map((error) => [path.basename(file.fileUrl.pathname), error.code, error.range.start.line]),
      );
      expect(result.errors).toBe(1);
      expect(errors).toEqual([['index.astro', 2322, 3]]);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
