import type { CustodyErrorShape, ErrorCode } from '../../shared/errors';

/** The one error type the core throws. Its message is for a person and never holds key material. */
export class CustodyError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'CustodyError';
    this.code = code;
  }

  toShape(): CustodyErrorShape {
    return { code: this.code, message: this.message };
  }
}

/**
 * Turns anything thrown into a shape safe to show: a CustodyError keeps its code, anything else
 * becomes INTERNAL without its original message (which could quote input we were given).
 */
export function toErrorShape(error: unknown): CustodyErrorShape {
  if (error instanceof CustodyError) return error.toShape();
  return {
    code: 'INTERNAL',
    message: 'An unexpected error occurred. Nothing was changed; try again, and report it if it persists.',
  };
}
