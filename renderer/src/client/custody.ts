import type { CustodyApi } from '../../../shared/custody-api';
import type {} from '../custody-window';

/** The page's only way to the keystore: every call resolves to a Result and never throws. */
export function custody(): CustodyApi {
  return window.custody;
}
