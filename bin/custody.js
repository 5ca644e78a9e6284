#!/usr/bin/env node
'use strict';
// The `custody` command (package.json "bin"): runs the bundle that `npm ci` / `npm run build:cli` makes.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'out', 'cli', 'custody.cjs');
if (!existsSync(bundle)) {
  process.stderr.write('custody has not been built yet: run npm run build:cli\n');
  process.exit(1);
}
require(bundle);
