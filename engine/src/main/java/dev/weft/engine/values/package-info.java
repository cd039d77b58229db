/**
 * How the engine's caches see values: {@link dev.weft.engine.values.ValueFingerprints} hashes
 * an input value into the 128-bit fingerprint that goes into cache keys, and
 * {@link dev.weft.engine.values.Codecs} turns a task's value into the bytes of the disk tier and
 * back, using the exact generic type of the task's {@link dev.weft.engine.Key}, and digests those
 * bytes for early cutoff.
 *
 * <p>Both are deterministic across runs and JVMs: neither ever uses {@code hashCode()}, identity
 * or the iteration order of a hash-based collection, so equal values give equal fingerprints and
 * equal bytes. A value either cannot handle is reported, never guessed at: a fingerprint comes
 * back unavailable with a reason, an encoding throws {@link dev.weft.engine.values.CodecException}
 * naming the type; the engine then makes the task uncacheable or keeps its value in memory only,
 * with one warning.
 *
 * <p><b>Not for users.</b> These types are public so that the engine's other packages can call
 * them; they carry no compatibility promise and may change in any release. Users do not call them:
 * the options a user chooses (content hashing of paths, custom codecs) are passed in by the
 * engine.
 */
@NullMarked
package dev.weft.engine.values;

import org.jspecify.annotations.NullMarked;
