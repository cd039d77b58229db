/**
 * The storage layer of Weft's disk cache tier: an action cache (cache key → output digest) over a
 * content-addressed store (digest → bytes), in one directory that several processes may share.
 * {@link dev.weft.engine.store.DiskStore} is the entry point; it stores and verifies bytes only —
 * serializing values and computing cache keys happen above it.
 *
 * <p><b>Not for users.</b> These types are public so that the engine's cache tiers, which live in
 * other packages, can use them. They carry no compatibility promise and may change in any release.
 * Users manage the cache through {@code weft.cache()}.
 *
 * <p>The promises, copied from Bazel's disk cache and Gradle's directory build cache: a reader
 * never sees a partial entry (every entry is written to {@code tmp/} and renamed into place);
 * every read verifies a header and a checksum, and an entry that fails is a miss, moved to
 * {@code quarantine/} and logged once; processes share the directory without locks; a failed
 * write is logged and counted, and the caller is told it did not happen.
 */
@NullMarked
package dev.weft.engine.store;

import org.jspecify.annotations.NullMarked;
