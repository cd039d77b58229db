/**
 * "Pool.map over data chunks", in Weft: a file is cut into byte ranges, each range is read and
 * summarized (CRC-32, byte histogram, newlines) in parallel as one element of a fan-out task, and
 * the summaries are combined into the file's — the same result as one pass over the whole file.
 * The flow is composed in code with {@link dev.weft.engine.FlowBuilder#each}, the Java
 * counterpart of {@code pool.map(summarize, chunks)}. Run it with {@link
 * dev.weft.examples.chunks.ChunksMain}.
 */
package dev.weft.examples.chunks;
