// @ts-check
/**
 * ESLint rule `local/no-import-cycle`: no module reaches itself through the project's own imports.
 * It follows type-only imports too, which import-x/no-cycle skips: a circle through types still
 * ties two modules to each other both ways, and it is where the next runtime circle starts.
 * Only relative imports of TypeScript files are followed (the project has no path aliases).
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';

const SUFFIXES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** @param {string} path */
function modifiedAt(path) {
  try {
    const stats = statSync(path);
    return stats.isFile() ? stats.mtimeMs : undefined;
  } catch {
    return undefined; // missing, or a file where a folder was expected
  }
}

/** @param {string} path */
function sourceFileAt(path) {
  return /\.tsx?$/.test(path) && modifiedAt(path) !== undefined;
}

/** The project file a relative specifier names, or null for a package or a file that is not TypeScript. */
function resolveSpecifier(/** @type {string} */ fromFile, /** @type {string} */ specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(fromFile), specifier);
  for (const suffix of SUFFIXES) if (sourceFileAt(base + suffix)) return base + suffix;
  return null;
}

/**
 * @typedef {{ target: string, pos: number, end: number }} Edge
 * Every import, export-from and import() of a file's text: value and type-only alike.
 * @returns {Edge[]}
 */
function edgesOf(/** @type {string} */ file, /** @type {string} */ text) {
  const edges = [];
  for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
    const target = resolveSpecifier(file, imported.fileName);
    if (target !== null) edges.push({ target, pos: imported.pos, end: imported.end });
  }
  return edges;
}

/** Other files' edges, read once per change of the file (an editor's ESLint server lives long). */
const edgeCache = new Map();
function targetsOf(/** @type {string} */ file) {
  const mtime = modifiedAt(file);
  const cached = edgeCache.get(file);
  if (cached?.mtime === mtime) return cached.targets;
  const targets = mtime === undefined ? [] : [...new Set(edgesOf(file, readFileSync(file, 'utf8')).map((e) => e.target))];
  edgeCache.set(file, { mtime, targets });
  return targets;
}

/**
 * The way from `start` back to `home`, or null. `deadEnds` holds files already known not to lead
 * home, shared by the searches from one file's imports.
 * @returns {string[] | null}
 */
function wayBack(/** @type {string} */ start, /** @type {string} */ home, /** @type {Set<string>} */ deadEnds) {
  if (deadEnds.has(start)) return null;
  const cameFrom = new Map([[start, '']]);
  const queue = [start];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const next of targetsOf(file)) {
      if (next === home) {
        const way = [file];
        for (let step = cameFrom.get(file); step; step = cameFrom.get(step)) way.unshift(step);
        return way;
      }
      if (cameFrom.has(next) || deadEnds.has(next)) continue;
      cameFrom.set(next, file);
      queue.push(next);
    }
  }
  for (const file of cameFrom.keys()) deadEnds.add(file);
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import circles among the project’s modules, type-only imports included.' },
    schema: [],
    messages: {
      cycle: 'Import circle: {{way}}. Move what both sides need into a module that imports neither.',
    },
  },
  create(context) {
    const home = context.physicalFilename;
    const { sourceCode } = context;
    return {
      'Program:exit'() {
        const deadEnds = new Set();
        const named = (/** @type {string} */ file) => relative(context.cwd, file);
        for (const edge of edgesOf(home, sourceCode.text)) {
          const way = edge.target === home ? [] : wayBack(edge.target, home, deadEnds);
          if (way === null) continue;
          context.report({
            loc: { start: sourceCode.getLocFromIndex(edge.pos), end: sourceCode.getLocFromIndex(edge.end) },
            messageId: 'cycle',
            data: { way: [home, ...way, home].map(named).join(' → ') },
          });
        }
      },
    };
  },
};
