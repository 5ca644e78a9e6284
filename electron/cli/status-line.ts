import type { BatchCounts } from '../../shared/domain';
import type { CliIo } from './cli-io';

const CLEAR_LINE = '\r\x1b[K';

/**
 * A batch's progress, redrawn in place on stderr when it is a terminal (and not at all otherwise,
 * so logs and pipes get only the summary). Other messages for a person go through `message`,
 * which clears the progress first so the two never share a line.
 */
export interface StatusLine {
  progress(counts: BatchCounts): void;
  message(text: string): void;
  clear(): void;
}

export function createStatusLine(io: CliIo): StatusLine {
  const started = Date.now();
  let shown = false;
  const clear = () => {
    if (!shown) return;
    io.err(CLEAR_LINE);
    shown = false;
  };
  return {
    progress(counts) {
      if (!io.stderrIsTerminal) return;
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? Math.round(counts.done / seconds) : 0;
      const failed = counts.done - counts.decrypted;
      const done = counts.total === null ? `${counts.done}` : `${counts.done}/${counts.total}`;
      io.err(`${CLEAR_LINE}${done} items, ${counts.decrypted} decrypted, ${failed} failed, ${rate} items/s (Ctrl-C to stop)`);
      shown = true;
    },
    message(text) {
      clear();
      io.err(text);
    },
    clear,
  };
}
