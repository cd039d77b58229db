/**
 * The annotations a Weft user writes: {@link dev.weft.Task} on methods that compute a value,
 * {@link dev.weft.Input} on parameters supplied when a flow runs, {@link dev.weft.From} to depend
 * on a task under another name and {@link dev.weft.Each} to fan a task out over a collection.
 *
 * <p>Weft's annotation processor ({@code dev.weft:weft-processor}) reads every class with
 * {@code @Task} methods, checks its dependency graph at compile time and generates a typed
 * {@code …Flow} class beside it, which the engine ({@code dev.weft:weft-engine}) runs.
 */
package dev.weft;
