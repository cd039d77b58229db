/**
 * Robust execution where some elements fail: an {@code @Each} fan-out over data files, some of
 * them malformed, run with {@code keepGoing} and a cache, so that the run returns, says what
 * failed, and a rerun after the fix computes only what failed — the Weft counterpart of a Python
 * tutorial's parallel map that survives failing elements. See {@link
 * dev.weft.examples.robust.RobustMain}.
 */
package dev.weft.examples.robust;
