/**
 * Loaded with `node --import` ahead of the CLI that a section runs as a process: writes the
 * process's peak RSS (kilobytes) to the file `MARGIN_BENCH_RSS` names as it exits.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.MARGIN_BENCH_RSS;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
