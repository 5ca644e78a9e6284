import type { CustodyErrorShape } from '../../../shared/errors';
import { ERROR_TITLES } from '../client/error-titles';
import { ErrorDetails } from './ErrorDetails';
import { Notice } from './Notice';

/**
 * The core's refusal in plain words: a label per code and the core's own sentence. The code itself
 * (for a support request, or to match the CLI's --json) waits in a disclosure.
 */
export function ErrorNotice({ error, alert = true }: { error: CustodyErrorShape; alert?: boolean }) {
  return (
    <Notice tone="danger" title={ERROR_TITLES[error.code]} alert={alert} more={<ErrorDetails code={error.code} />}>
      {error.message}
    </Notice>
  );
}
