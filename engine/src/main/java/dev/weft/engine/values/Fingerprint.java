package dev.weft.engine.values;

import static java.util.Objects.requireNonNull;

import com.google.common.hash.HashCode;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The fingerprint of one value: either a 128-bit hash of its canonical encoding, or the reason
 * the value cannot be fingerprinted.
 *
 * <p>A value without a fingerprint cannot take part in a cache key: the engine warns once, naming
 * the input and quoting {@link #reason()}, and runs the tasks that read it uncached. Instances are
 * immutable; two are equal when they hold the same hash, or the same reason.
 */
public final class Fingerprint {

  private final @Nullable HashCode hash;
  private final @Nullable String reason;

  private Fingerprint(@Nullable HashCode hash, @Nullable String reason) {
    this.hash = hash;
    this.reason = reason;
  }

  /** Returns the fingerprint whose hash is {@code hash}. */
  public static Fingerprint of(HashCode hash) {
    return new Fingerprint(requireNonNull(hash, "hash"), null);
  }

  /**
   * Returns a fingerprint that is unavailable because of {@code reason}, a sentence fragment that
   * names the offending value's type and says what to do, such as {@code "a java.util.Date is not
   * a value type Weft can fingerprint; …"}.
   */
  public static Fingerprint unavailable(String reason) {
    return new Fingerprint(null, requireNonNull(reason, "reason"));
  }

  /** Returns whether the value has a fingerprint. */
  public boolean isAvailable() {
    return hash != null;
  }

  /** Returns the hash, or empty when the value cannot be fingerprinted. */
  public Optional<HashCode> hash() {
    return Optional.ofNullable(hash);
  }

  /** Returns why the value cannot be fingerprinted, or empty when it has a hash. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Fingerprint other
        && Objects.equals(hash, other.hash)
        && Objects.equals(reason, other.reason);
  }

  @Override
  public int hashCode() {
    return hash != null ? hash.hashCode() : requireNonNull(reason).hashCode();
  }

  /** Returns the hash in hexadecimal, or {@code unavailable: } and the reason. */
  @Override
  public String toString() {
    return hash != null ? hash.toString() : "unavailable: " + reason;
  }
}
