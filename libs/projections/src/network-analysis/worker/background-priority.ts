/**
 * Analysis is background work; answering HTTP is not. On Linux a thread can be given its own nice
 * value, so an analysis worker lowers its own priority: when the cores are busy (a small server,
 * other processes) the kernel lets the main thread's short request handling go first instead of
 * time-slicing it evenly with a timeline that takes seconds. Elsewhere this does nothing.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** How much lower than the process analysis threads run (nice values: 0 normal, 19 lowest). */
export const ANALYSIS_NICENESS = 10;

/**
 * Lowers the calling thread's priority by `niceness` below the process's own (a process started
 * with `nice` stays below its main thread too), where the OS allows it; answers whether it did.
 */
export function lowerThisThreadsPriority(niceness = ANALYSIS_NICENESS): boolean {
  try {
    // "/proc/thread-self" → "<pid>/task/<tid>": on Linux, setpriority on a thread id applies to that thread only.
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid)) return false;
    setPriority(tid, Math.min(19, getPriority(process.pid) + niceness));
    return true;
  } catch {
    return false;
  }
}
