/**
 * Notices changes made to the vault by someone else (the CLI, another copy of the app), so the
 * window refreshes instead of showing a stale list. Our own writes trigger it too; the renderer
 * only refetches, so that costs a read.
 */
import { type FSWatcher, watch } from 'node:fs';

const WATCHED_FILES = new Set(['vault.json', 'audit.jsonl']);

export function watchVaultFolder(home: string, onChange: () => void, debounceMs = 250): () => void {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher;
  try {
    watcher = watch(home, (_type, filename) => {
      if (filename !== null && !WATCHED_FILES.has(String(filename))) return;
      clearTimeout(timer);
      timer = setTimeout(onChange, debounceMs);
    });
  } catch (error) {
    console.warn(`[vault] not watching ${home} for outside changes (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    return () => undefined;
  }
  watcher.on('error', (error: NodeJS.ErrnoException) => {
    console.warn(`[vault] stopped watching ${home} for outside changes (${error.code ?? 'error'})`);
    watcher.close();
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
