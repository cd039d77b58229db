package dev.weft.engine.values;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Fingerprints input values for cache keys: a 128-bit murmur3 hash of a canonical encoding that
 * is the same in every run and every JVM, so that equal values give equal fingerprints and a
 * changed value a different one. {@code hashCode()}, identity and the iteration order of hash
 * collections are never used.
 *
 * <p>What can be fingerprinted, and from what:
 * <ul>
 *   <li>{@code null}; booleans, characters, and numbers tagged with their type ({@code 1},
 *       {@code 1L} and {@code "1"} all differ); {@code BigInteger}; {@code BigDecimal} by
 *       unscaled value and scale (so {@code 1.0} and {@code 1.00} differ, as under equals);
 *       strings as UTF-8; enums by class and constant name; {@code java.time} values by class
 *       and ISO text; {@code UUID}; {@code URI}.
 *   <li>Arrays of primitives or of values; {@code List} and {@code Deque} in order; {@code Set}
 *       and Guava {@code Multiset} by their elements' sorted fingerprints; {@code Map} by its
 *       entries sorted by (key fingerprint, value fingerprint); {@code Optional} and its
 *       primitive variants. Other collections (a {@code PriorityQueue}, a map's {@code values()})
 *       are refused: their iteration order is not part of their value.
 *   <li>Records, by class name and component values in order.
 *   <li>Beans: a class Jackson writes as a bean whose every non-static, non-transient field is a
 *       property, by class name and property values sorted by name (see {@link ValueShapes} for
 *       why a bean with hidden fields is refused).
 *   <li>{@code Path} and {@code File}, by absolute normalized path, then: nothing if it does not
 *       exist; a file's size and last-modified time; a directory's recursive listing of names,
 *       sizes and times, one {@code stat} per entry. {@linkplain #withContentHashing(boolean) By
 *       content}, files are read and hashed instead (a directory as its sorted tree): slower,
 *       but blind to {@code touch} and alert to a same-size edit within the clock's resolution.
 * </ul>
 * Anything else, a value containing itself, or one nested more than 400 levels deep (or too deep
 * for the calling thread's stack) has no fingerprint: {@link #fingerprint} returns
 * {@link Fingerprint#unavailable} with a reason that names the type and where it sits in the
 * value.
 *
 * <p>Values are streamed into the hasher: a 64 MiB array or a list of ten million integers is
 * hashed without an intermediate copy. Instances are immutable and thread-safe; a value being
 * modified while it is fingerprinted gets an arbitrary fingerprint, or none.
 */
public final class ValueFingerprints {

  /** The version of the encoding, hashed first; raise it whenever an encoding changes. */
  private static final int FORMAT = 1;

  private static final ValueFingerprints BY_METADATA = new ValueFingerprints(false);
  private static final ValueFingerprints BY_CONTENT = new ValueFingerprints(true);

  private final boolean contentHashing;
  private final ValueShapes shapes = ValueShapes.SHARED;

  private ValueFingerprints(boolean contentHashing) {
    this.contentHashing = contentHashing;
  }

  /** Returns the fingerprints that see files by size and last-modified time. */
  public static ValueFingerprints create() {
    return BY_METADATA;
  }

  /**
   * Returns the fingerprints that see files by their content if {@code contentHashing}, or by
   * size and last-modified time if not. The two never give the same fingerprint for a path.
   */
  public static ValueFingerprints withContentHashing(boolean contentHashing) {
    return contentHashing ? BY_CONTENT : BY_METADATA;
  }

  /** Returns whether files are fingerprinted by their content. */
  public boolean contentHashing() {
    return contentHashing;
  }

  /** Returns the fingerprint of {@code value}, or why it has none. */
  public Fingerprint fingerprint(@Nullable Object value) {
    Hasher hasher = Hashing.murmur3_128().newHasher().putInt(FORMAT);
    try {
      new CanonicalEncoder(contentHashing, shapes).write(value, hasher);
    } catch (NotFingerprintable e) {
      return Fingerprint.unavailable(e.reason());
    } catch (RuntimeException e) { // a collection modified meanwhile, a throwing iterator
      return Fingerprint.unavailable("reading a " + typeOf(value) + " threw " + e);
    } catch (StackOverflowError e) {
      // The depth limit keeps within 512 KiB of stack; a thread with less can still overflow.
      // The encoder's state dies with it, and Jackson handles the same error the same way.
      return Fingerprint.unavailable("a " + typeOf(value) + " is nested too deeply for the "
          + "stack of thread '" + Thread.currentThread().getName() + "'");
    }
    return Fingerprint.of(hasher.hash());
  }

  /** Returns the hash of {@code value}'s fingerprint, or empty when it has none. */
  public Optional<HashCode> of(@Nullable Object value) {
    return fingerprint(value).hash();
  }

  private static String typeOf(@Nullable Object value) {
    return value == null ? "null" : value.getClass().getName();
  }

  @Override
  public String toString() {
    return "ValueFingerprints{" + (contentHashing ? "by content" : "by size and time") + "}";
  }
}
