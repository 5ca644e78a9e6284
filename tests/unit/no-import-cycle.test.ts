/**
 * The lint rule that keeps the project free of import circles (eslint.config.mjs), over modules
 * written to a scratch folder: it must catch a circle made only of type imports, which
 * import-x/no-cycle lets through.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, it } from 'vitest';
import { noImportCycle } from '../../build/lint/no-import-cycle.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const folder = mkdtempSync(join(tmpdir(), 'custody-cycle-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Writes a module of the scratch folder; returns its path. */
function module(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

const events = module('events.ts', "import type { Handlers } from './handlers';\nexport type Emit = (h: Handlers) => void;\n");
module('handlers.ts', "import type { Emit } from './events';\nexport interface Handlers { emit: Emit }\n");
const low = module('low.ts', 'export const low = 1;\n');
const high = module('high.ts', "import { low } from './low';\nexport const high = low + 1;\n");
module('index.ts', "export { high } from './high';\n");
const user = module('user.ts', "import { high } from '.';\nexport const user = high;\n");
const looped = module('looped.tsx', "import { user } from './user';\nexport const looped = user;\n");

new RuleTester({ languageOptions: { parser: tseslint.parser } }).run('local/no-import-cycle', noImportCycle, {
  valid: [
    { filename: high, code: "import { low } from './low';\nexport const high = low + 1;\n" },
    { filename: user, code: "import { high } from '.';\nimport './styles.css';\nimport { z } from 'zod';\n" },
    { filename: looped, code: "import { user } from './user';\n" },
  ],
  invalid: [
    {
      name: 'a circle through type imports only',
      filename: events,
      code: "import type { Handlers } from './handlers';\nexport type Emit = (h: Handlers) => void;\n",
      errors: [{ messageId: 'cycle', line: 1 }],
    },
    {
      name: 'a longer circle, through a folder index and an export-from',
      filename: low,
      code: "import { looped } from './looped';\nexport const low = 1;\n",
      errors: [{ messageId: 'cycle', line: 1 }],
    },
  ],
});
