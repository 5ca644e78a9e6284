import type { CustodyErrorShape } from '../../shared/errors';
import { CustodyError } from '../custody/custody-error';
import type { CliIo } from './cli-io';
import { readSource, sourceName } from './input-source';

export type PayloadInput = { source: string; text: string } | { source: string; error: CustodyErrorShape };

/** Each FILE is one captured payload; an unreadable one becomes a failed item, not the end of the batch. */
export async function readPayloadInputs(io: CliIo, paths: readonly string[]): Promise<PayloadInput[]> {
  const inputs: PayloadInput[] = [];
  for (const path of paths) {
    try {
      inputs.push({ source: sourceName(path), text: (await readSource(io, path, 'a payload')).toString('utf8') });
    } catch (error) {
      if (!(error instanceof CustodyError)) throw error;
      inputs.push({ source: sourceName(path), error: error.toShape() });
    }
  }
  return inputs;
}
