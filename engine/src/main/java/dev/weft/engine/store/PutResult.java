package dev.weft.engine.store;

import com.google.common.hash.HashCode;
import java.util.Objects;

/**
 * What writing a value to a {@link DiskStore} did: its digest, and whether it is now stored.
 *
 * <p>The digest is returned even when the write failed, because the caller needs it either way:
 * it is the value's identity in the cache keys of the tasks downstream (and what makes an
 * unchanged re-executed value keep its dependents cached). A caller records an action entry
 * pointing at the digest only when {@link #stored()} is true.
 *
 * @param digest the murmur3_128 hash of the value's bytes
 * @param stored true if an entry with these bytes is in the store (written now, or found already
 *     there); false if the write failed, which the store has logged and counted
 */
public record PutResult(HashCode digest, boolean stored) {
  /** Checks that the digest is present. */
  public PutResult {
    Objects.requireNonNull(digest, "digest");
  }
}
