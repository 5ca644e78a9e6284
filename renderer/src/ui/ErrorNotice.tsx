import type { CustodyErrorShape } from '../../../shared/errors';
import { ERROR_TITLES } from '../client/error-titles';
import { Notice } from './Notice';

/** The core's refusal, as it said it: a headline per code and its own message. */
export function ErrorNotice({ error }: { error: CustodyErrorShape }) {
  return (
    <Notice tone="danger" title={ERROR_TITLES[error.code]} alert>
      {error.message} <span className="mono muted">({error.code})</span>
    </Notice>
  );
}
