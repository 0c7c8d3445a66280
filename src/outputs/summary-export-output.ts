/** `--summary-export FILE`: the summary data as JSON (k6's handleSummary shape), written when the run reached its summary. */
import { writeFile } from 'node:fs/promises';
import { checkOptionNames, outputFile } from './file-target.js';
import type { OutputKind } from './output.js';

export const summaryExportOutput: OutputKind = {
  name: 'summary-export',
  selectedBy: { flag: 'summary-export', describe: 'write the summary data as JSON to this file' },
  parse(target, issues) {
    const known = checkOptionNames(target, [], issues);
    const path = outputFile(target, issues, '--summary-export FILE');
    if (path === undefined || !known) return undefined;
    return () => ({
      async finish({ summary }) {
        if (!summary) return;
        await writeFile(path, `${JSON.stringify(summary, null, 2)}\n`).catch((err: unknown) => {
          throw new Error(`--summary-export: cannot write ${path} (${err instanceof Error ? err.message : String(err)})`);
        });
      },
    });
  },
};
