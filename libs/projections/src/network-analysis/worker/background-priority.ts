/**
 * Analysis is background work; answering HTTP is not. On Linux a thread can be given its own nice
 * value, so an analysis worker lowers its own priority: when the cores are busy (a small server,
 * other processes) the kernel lets the main thread's short request handling go first instead of
 * time-slicing it evenly with a timeline that takes seconds. Elsewhere this does nothing.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The nice value of analysis threads (0 normal, 19 lowest). */
export const ANALYSIS_NICENESS = 10;

/** Lowers the calling thread's priority where the OS allows it; answers whether it did. */
export function lowerThisThreadsPriority(niceness = ANALYSIS_NICENESS): boolean {
  try {
    // "/proc/thread-self" → "<pid>/task/<tid>": on Linux, setpriority on a thread id applies to that thread only.
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid)) return false;
    setPriority(tid, niceness);
    return true;
  } catch {
    return false;
  }
}
