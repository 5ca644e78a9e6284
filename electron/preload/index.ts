/**
 * The sandboxed preload (docs/architecture.md): exposes exactly one object, `window.custody`,
 * built by the shared factory from the contract over the IPC transport. Nothing else reaches the
 * page.
 */
import { contextBridge } from 'electron';
import { z } from 'zod';
import { createCustodyApi } from '../../shared/custody-api';
import { ipcTransport } from './ipc-renderer';

// No eval anywhere: zod would otherwise probe `new Function`, which the CSP forbids and reports.
z.config({ jitless: true });

contextBridge.exposeInMainWorld('custody', createCustodyApi(ipcTransport));
