/**
 * Whether a process of that id runs on this machine: what tells a lock or a temporary file of
 * a process that was killed from one of a process still at work. Another user's process answers
 * EPERM, and runs.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
