/**
 * Worker-thread entry of the decrypt pool. It receives the candidate keys and the output mode once,
 * then requests, and answers each with its reply. Never log key material or plaintext here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type OutputMode, type WorkerRequest, replyTransferList, serveRequest } from './decrypt-chunk';
import { type Candidate, describeCandidates } from './payload-decryptor';

interface WorkerSetup {
  candidates: (Omit<Candidate, 'material'> & { material: Uint8Array })[];
  mode: OutputMode;
}

const setup = workerData as WorkerSetup;
const candidates: Candidate[] = setup.candidates.map((c) => ({ ...c, material: Buffer.from(c.material) }));
const infos = describeCandidates(candidates);

parentPort?.on('message', (message: { id: number; request: WorkerRequest }) => {
  const start = performance.now();
  const reply = serveRequest(message.request, candidates, infos, setup.mode);
  // How long the chunk took is how the pool decides how much work to keep queued here.
  parentPort?.postMessage({ id: message.id, reply, ms: performance.now() - start }, replyTransferList(reply));
});
