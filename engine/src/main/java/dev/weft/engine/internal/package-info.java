/**
 * Weft's engine internals that generated code has to reach: task specifications
 * ({@link dev.weft.engine.internal.TaskSpec}), the functional interfaces that call a user's task
 * methods ({@link dev.weft.engine.internal.TaskBody}, {@link dev.weft.engine.internal.TaskArgs}),
 * and the graph that a generated {@code …Flow.of(...)} builds ({@link
 * dev.weft.engine.internal.FlowGraph}).
 *
 * <p><b>Not for users.</b> These types are public only because the annotation processor's
 * generated classes live in the user's packages and must call them, as Dagger's
 * {@code dagger.internal} is. They carry no compatibility promise: any of them may change or
 * disappear in any release, in step with the processor. Use {@link dev.weft.engine.Flow} and the
 * rest of {@code dev.weft.engine} instead.
 */
@NullMarked
package dev.weft.engine.internal;

import org.jspecify.annotations.NullMarked;
