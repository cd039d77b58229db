/**
 * Code fingerprints: a hash of what a task's code does, for the cache key of its results.
 *
 * <p>{@link dev.weft.engine.fingerprint.CodeFingerprints} reads the task method's bytecode with
 * Byte Buddy's class-file locator and its bundled ASM, follows the calls, lambdas and method
 * references it makes into the project's own classes, transitively, and hashes what it reached
 * symbolically: instructions and the values and names they refer to, never constant-pool
 * positions or debug information. So editing a called helper changes the fingerprint, while
 * reformatting, commenting or adding an unrelated method does not. Each class is parsed at most
 * once per JVM.
 *
 * <p><b>Not for users.</b> The engine's cache computes fingerprints; a user who needs to
 * invalidate a task by hand gives it a {@code version}. These types carry no compatibility
 * promise and may change in any release.
 */
@NullMarked
package dev.weft.engine.fingerprint;

import org.jspecify.annotations.NullMarked;
