/**
 * Loaded with `node --import` ahead of the CLI that a section runs as a process: writes the
 * process's peak RSS (kilobytes) and its CPU, user + system of every thread (microseconds),
 * to the file `MARGIN_BENCH_RSS` names as it exits.
 *
 * Linux's `VmHWM` where there is one: `maxRSS` (getrusage) keeps, across exec, the high-water
 * mark of the memory the process was forked with, so a CLI started by a section process that
 * had grown (to 1.4 GB while 800 MB exports streamed through its pipes) reported that section's
 * size (agree: 599 MB instead of 184).
 */
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.env.MARGIN_BENCH_RSS;

function peakKilobytes(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // Not Linux: getrusage's figure.
  }
  return process.resourceUsage().maxRSS;
}

if (file) {
  process.on('exit', () => {
    const { userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(file, `${peakKilobytes()} ${userCPUTime + systemCPUTime}`);
  });
}
