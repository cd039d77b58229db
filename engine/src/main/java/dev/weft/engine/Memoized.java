package dev.weft.engine;

import com.google.common.hash.HashCode;
import org.jspecify.annotations.Nullable;

/**
 * A value in the memory tier: the value itself, the digest that stands for it in the cache keys of
 * the tasks reading it, and what it weighs against {@link Weft.Builder#memoryCacheBytes}.
 *
 * <p>The memory tier holds values themselves, not copies: a value served from it is the very
 * object an earlier run or call returned, so values must not be modified once returned.
 *
 * @param value the value, null for a task that returned null (or a void method)
 * @param digest the murmur3_128 hash of the value's encoding, or when it has none a hash that
 *     stands for it (see {@link Memo#digest})
 * @param weight the size of the value's encoding plus a fixed overhead per entry, in bytes
 */
record Memoized(@Nullable Object value, HashCode digest, int weight) {}
