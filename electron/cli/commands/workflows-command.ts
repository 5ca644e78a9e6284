import type { Command } from 'commander';
import type { WorkflowSummary } from '../../../shared/domain';
import type { CliContext } from '../cli-context';
import { workflowIdArg, workflowNameArg } from '../cli-usage';
import { confirmDestructive } from '../confirm';
import { printable } from '../printable';
import { jsonDocument, shortTime, textTable } from '../text-table';

function flagsOf(workflow: WorkflowSummary): string {
  const flags = [workflow.noActiveKey ? 'No active key' : '', workflow.rotationDue ? 'Rotation due' : ''].filter(Boolean);
  return flags.join(', ') || '-';
}

function workflowTable(workflows: readonly WorkflowSummary[]): string {
  return textTable(
    ['id', 'name', 'keys', 'active key', 'rotation', 'created', 'flags'],
    workflows.map((w) => [
      w.id,
      w.name,
      String(w.keyCount),
      w.activeKeyId ?? '-',
      `${w.rotationDays} d`,
      shortTime(w.createdAt),
      flagsOf(w),
    ]),
  );
}

export function registerWorkflowsCommand(program: Command, ctx: CliContext): void {
  const workflows = program.command('workflows').description('list, add, rename and remove workflows');

  workflows
    .command('list')
    .description('list the workflows, with the "No active key" and "Rotation due" flags')
    .option('--json', 'print a JSON array')
    .action(async (options: { json?: boolean }) => {
      const list = await ctx.custody().listWorkflows();
      if (options.json) ctx.io.out(jsonDocument(list));
      else if (list.length === 0) ctx.io.err('No workflows yet. Add one with: custody workflows add ID\n');
      else ctx.io.out(workflowTable(list));
    });

  workflows
    .command('add')
    .description('add a workflow by its Kinde id, e.g. onUserTokenGeneration')
    .argument('<id>', 'the Kinde workflow id')
    .option('--name <name>', 'display name (default: the id)')
    .action(async (id: string, options: { name?: string }, command: Command) => {
      const workflowId = workflowIdArg(command, id);
      const name = options.name === undefined ? undefined : workflowNameArg(command, options.name);
      const added = await ctx.custody().addWorkflow({ id: workflowId, name });
      ctx.io.out(`Added workflow ${added.id} ("${printable(added.name)}"). Add its key with: custody keys add ${added.id}\n`);
    });

  workflows
    .command('rename')
    .description("change a workflow's display name")
    .argument('<id>', 'the workflow id')
    .argument('<name>', 'the new display name')
    .action(async (id: string, name: string, _options: unknown, command: Command) => {
      const updated = await ctx.custody().updateWorkflow(workflowIdArg(command, id), { name: workflowNameArg(command, name) });
      ctx.io.out(`Renamed workflow ${updated.id} to "${printable(updated.name)}".\n`);
    });

  workflows
    .command('remove')
    .description('remove a workflow and its inactive keys (refused while it has an active key)')
    .argument('<id>', 'the workflow id')
    .option('--yes', 'do not ask for confirmation (required when not on a terminal)')
    .action(async (id: string, options: { yes?: boolean }, command: Command) => {
      const workflowId = workflowIdArg(command, id);
      const custody = ctx.custody();
      await confirmDestructive(ctx, command, options.yes, async () => {
        const { keyCount } = await custody.getWorkflow(workflowId);
        return keyCount === 0
          ? `Remove workflow ${workflowId}?`
          : `Remove workflow ${workflowId} and delete its ${keyCount} key(s)? Their material leaves the vault for good.`;
      });
      const { deletedKeys } = await custody.removeWorkflow(workflowId);
      ctx.io.out(`Removed workflow ${workflowId}${deletedKeys > 0 ? ` and its ${deletedKeys} inactive key(s)` : ''}.\n`);
    });
}
