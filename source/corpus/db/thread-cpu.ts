import { readFileSync, readlinkSync } from 'node:fs';

/**
 * CPU time of one thread of this process, for the cleaning budget: a worker starved by a busy
 * machine uses little CPU while wall time runs, and must not be blamed for the machine's load.
 * Linux only (`/proc`); elsewhere the answers are null and the budget counts wall time.
 */

/** Clock ticks per second of `/proc/…/stat` (USER_HZ): 100 on every Linux ABI in use. */
const TICKS_PER_SECOND = 100;

/** The calling thread's id as the kernel knows it, or null where `/proc` does not say. */
export function currentThreadId(): number | null {
  try {
    // "/proc/thread-self" links to "PID/task/TID".
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

/** User plus system CPU time of thread `tid` of this process, in milliseconds, or null. */
export function threadCpuMs(tid: number): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'latin1');
    // The command name in parentheses may hold spaces; the fields after it are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}
