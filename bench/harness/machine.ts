import os from 'node:os';
import type { Machine } from './results.js';

/** The machine line: absolute figures only compare between runs on the same one. */
export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpu: cpus[0]?.model.trim() || 'unknown CPU',
    cores: os.availableParallelism?.() ?? cpus.length,
    platform: `${process.platform} ${process.arch}`,
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
  };
}

export function machineLine(machine: Machine): string {
  return `Machine: node ${machine.node} · ${machine.cpu} · ${machine.cores} cores · ${machine.platform} · ${machine.memoryGB} GB RAM`;
}
