/**
 * The bare loop the decrypt-throughput bench measures custody against: what a person would write by
 * hand (decode, try each key, decode the text). Started as a worker thread, it runs the same loop on
 * the payloads it was sent, so the bench can tell how far two bare loops on two threads get on this
 * machine: the ceiling a worker pool is up against.
 */
import { createDecipheriv } from 'node:crypto';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

export function bareLoop(payloads: readonly string[], keys: readonly Uint8Array[]): number {
  let matched = 0;
  for (const payload of payloads) {
    const bytes = Buffer.from(payload, 'base64url');
    for (const key of keys) {
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      const head = decipher.update(bytes.subarray(28));
      try {
        if (Buffer.concat([head, decipher.final()]).toString('utf8').length >= 0) matched++;
        break;
      } catch {
        continue;
      }
    }
  }
  return matched;
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const keys = (workerData as Uint8Array[]).map((key) => Buffer.from(key));
  let payloads: string[] = [];
  port.on('message', (message: string[] | 'go') => {
    if (message === 'go') port.postMessage(bareLoop(payloads, keys));
    else payloads = message;
  });
}
