/**
 * Weft's public API: what a user needs to run a flow and read its results.
 *
 * <p>A {@link dev.weft.engine.Flow} is a validated, immutable graph of tasks and inputs. Flows
 * normally come from the {@code …Flow} classes that Weft's annotation processor generates for
 * each class with {@code @Task} methods; those classes also hold one typed
 * {@link dev.weft.engine.Key} per task and input, which is how a caller names what it supplies
 * ({@link dev.weft.engine.Inputs}) and what it wants back. A flow whose graph is invalid, or that
 * does not fit the inputs and targets of a run, is reported with a
 * {@link dev.weft.engine.GraphException} before any task runs.
 *
 * <p>Types outside this package (notably {@code dev.weft.engine.internal}) are implementation
 * details that generated code calls; they may change in any release.
 */
@NullMarked
package dev.weft.engine;

import org.jspecify.annotations.NullMarked;
