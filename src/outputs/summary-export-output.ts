/** `--summary-export FILE`: the summary data as JSON (k6's handleSummary shape), written when the run reached its summary. */
import { fileOutput, writeResultFile } from './file-target.js';
import type { OutputKind } from './output.js';

export const summaryExportOutput: OutputKind = {
  name: 'summary-export',
  selectedBy: { flag: 'summary-export', describe: 'write the summary data as JSON to this file' },
  parse: (target, issues) =>
    fileOutput(target, issues, '--summary-export FILE', [], (path) => () => ({
      finish: async ({ summary }) => {
        if (summary) await writeResultFile(path, `${JSON.stringify(summary, null, 2)}\n`, '--summary-export');
      },
    })),
};
