/**
 * "A barrier-style join of parallel branches", in Weft: four independent analyses of one text —
 * word counts, line lengths, character classes, longest lines — run at once, and a join task,
 * which reads all four, starts only when the last of them has finished. The tasks are an annotated
 * class, {@link dev.weft.examples.barrier.TextProfile}; run them with {@link
 * dev.weft.examples.barrier.BarrierMain}.
 */
package dev.weft.examples.barrier;
