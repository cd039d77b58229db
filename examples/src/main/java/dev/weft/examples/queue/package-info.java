/**
 * "A task queue served by worker processes", in Weft: every file under a directory is a job, and
 * a fixed number of workers — the engine's worker threads, {@code Weft.builder().parallelism(n)}
 * — take the jobs from the engine's ready queue and compute each file's SHA-256 and line count.
 * The tasks are an annotated class, {@link dev.weft.examples.queue.FileDigests}; run them with
 * {@link dev.weft.examples.queue.QueueMain}.
 */
package dev.weft.examples.queue;
