import type { EventName, EventPayloadOf } from '../../shared/contract';

/**
 * Pushes one typed event to the window. The composition root (index.ts) makes it; the IPC handlers
 * and the decrypt batches take it, so neither imports the other for it.
 */
export type EmitEvent = <E extends EventName>(name: E, payload: EventPayloadOf<E>) => void;
