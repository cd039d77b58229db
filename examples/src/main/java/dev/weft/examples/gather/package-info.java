/**
 * Asynchronous I/O gathered from tasks that return {@code CompletableFuture}: HTTP requests in
 * flight all at once on a single worker thread — the Weft counterpart of Python's {@code
 * asyncio.gather}. See {@link dev.weft.examples.gather.GatherMain}.
 */
package dev.weft.examples.gather;
