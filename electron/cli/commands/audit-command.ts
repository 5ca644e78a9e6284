import type { Command } from 'commander';
import type { AuditEntry } from '../../../shared/domain';
import { CustodyError } from '../../custody';
import type { CliContext } from '../cli-context';
import { jsonDocument, jsonLine, textTable } from '../text-table';

function detailsOf(entry: AuditEntry): string {
  const parts = Object.entries(entry.details).map(([name, value]) => `${name}=${String(value)}`);
  return parts.join(' ') || '-';
}

function auditTable(entries: readonly AuditEntry[]): string {
  return textTable(
    ['seq', 'time', 'action', 'workflow', 'key', 'fingerprint', 'user', 'details'],
    entries.map((e) => [
      String(e.seq),
      e.time,
      e.action,
      e.workflowId ?? '-',
      e.keyId ?? '-',
      e.fingerprint ?? '-',
      e.user,
      detailsOf(e),
    ]),
  );
}

export function registerAuditCommand(program: Command, ctx: CliContext): void {
  program
    .command('audit')
    .description('show the audit log (R11), or verify its HMAC chain with --verify')
    .option('--verify', 'check that no entry was edited, removed or reordered')
    .option('--json', 'print JSON: the verification result, or one entry per line')
    .action(async (options: { verify?: boolean; json?: boolean }) => {
      const custody = ctx.custody();
      if (!options.verify) {
        const entries = await custody.auditEntries();
        ctx.io.out(options.json ? entries.map(jsonLine).join('') : auditTable(entries));
        return;
      }
      const verification = await custody.verifyAudit();
      if (options.json) ctx.io.out(jsonDocument(verification));
      if (!verification.ok) {
        throw new CustodyError(
          'VAULT_CORRUPT',
          `The audit log failed verification: ${verification.problem ?? 'the chain is broken'}. It was altered outside Workflow Key Custody; keep a copy for investigation.`,
        );
      }
      if (!options.json) ctx.io.out(`Audit log verified: ${verification.entries} entries, the chain is intact.\n`);
    });
}
