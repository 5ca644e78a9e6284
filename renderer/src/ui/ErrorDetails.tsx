import type { ErrorCode } from '../../../shared/errors';
import './ErrorDetails.css';

/** The error's code, folded away: people read the label and the sentence; support and scripts want the code. */
export function ErrorDetails({ code }: { code: ErrorCode }) {
  return (
    <details className="error-details">
      <summary>Details</summary>
      <p>
        Error code <code className="mono">{code}</code>, the code the custody command line reports too
      </p>
    </details>
  );
}
