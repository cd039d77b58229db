package dev.weft.benchmarks;

import com.google.common.hash.HashCode;
import com.google.common.reflect.TypeToken;
import dev.weft.engine.values.Codecs;
import dev.weft.engine.values.ValueFingerprints;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Hashing throughput: what the caches pay per byte of a value. Scores are milliseconds per value
 * of {@link #mib} MiB; <b>MiB/s = {@code mib} × 1000 / score</b>.
 *
 * <ul>
 *   <li>{@link #digestBytes}: {@code Codecs.digest} (128-bit murmur3) of a {@code byte[]} — the
 *       digest of an encoded value, alone.
 *   <li>{@code encodeDigest…}: {@code Codecs.encode} (Jackson) and {@code Codecs.digest}, which
 *       is what the engine does to every value a cacheable task produces: of a {@code byte[]}
 *       (Base64 in JSON: the encoding is 4/3 of the payload), of a {@code List<Long>} of
 *       {@code mib × 2^17} random longs (8 bytes each in memory; about 20 digits each in JSON)
 *       and of an ASCII {@code String} of {@code mib × 2^20} characters.
 *   <li>{@code fingerprint…}: {@code ValueFingerprints.of}, which the engine applies to input
 *       values: of the {@code byte[]} and of the {@code String}.
 * </ul>
 * MiB here are of the payload ({@code mib}), not of the encoding; the setup prints the encoded
 * size. Only the value a benchmark needs is made, in its own fork.
 *
 * <p>The engine's codecs cannot read back a JSON string of more than 20,000,000 characters
 * (Jackson's default {@code StreamReadConstraints.maxStringLength}): a 64 MiB {@code String} as
 * the <em>first</em> value of its type fails {@code Codecs.encode}'s read-back check, and one
 * stored later cannot be decoded from disk. The benchmarks encode a small value of each type
 * first, so the 64 MiB string is encoded (and measured) without the check.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class CachingHashing {
  private static final TypeToken<byte[]> BYTES = TypeToken.of(byte[].class);
  private static final TypeToken<List<Long>> LONGS = new TypeToken<List<Long>>() {};
  private static final TypeToken<String> STRING = TypeToken.of(String.class);

  /** The payload's size in MiB. */
  @Param({"1", "64"})
  public int mib;

  Codecs codecs;
  ValueFingerprints fingerprints;
  byte[] bytes;
  List<Long> longs;
  String string;

  /**
   * Makes the value the benchmark hashes. Each type is first encoded once as a small value:
   * {@code Codecs} decodes the first value of each type back to check it, and a large first value
   * would both add that check to the first operation and, for a {@code String} of more than 20
   * million characters, fail it (see the class documentation).
   */
  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    codecs = Codecs.create();
    fingerprints = ValueFingerprints.create();
    SplittableRandom random = new SplittableRandom(7);
    int size = mib << 20;
    String benchmark = params.getBenchmark();
    Object value;
    int encoded;
    if (benchmark.endsWith("Bytes")) {
      codecs.encode(new byte[] {1, 2, 3}, BYTES);
      bytes = new byte[size];
      random.nextBytes(bytes);
      value = bytes;
      encoded = codecs.encode(bytes, BYTES).length;
    } else if (benchmark.endsWith("Longs")) {
      codecs.encode(List.of(1L, 2L, 3L), LONGS);
      longs = new ArrayList<>(size / 8);
      for (int i = 0; i < size / 8; i++) {
        longs.add(random.nextLong());
      }
      value = longs;
      encoded = codecs.encode(longs, LONGS).length;
    } else {
      codecs.encode("abc", STRING);
      char[] chars = new char[size];
      for (int i = 0; i < size; i++) {
        chars[i] = (char) ('a' + random.nextInt(26));
      }
      string = new String(chars);
      value = string;
      encoded = codecs.encode(string, STRING).length;
    }
    if (fingerprints.of(value).isEmpty()) {
      throw new IllegalStateException("no fingerprint for " + value.getClass());
    }
    System.out.printf(Locale.ROOT, "%nPayload %d MiB, encoded by Jackson in %.2f MiB%n", mib,
        encoded / 1048576.0);
  }

  /** murmur3_128 of a byte array. */
  @Benchmark
  public HashCode digestBytes() {
    return Codecs.digest(bytes);
  }

  /** Jackson's encoding of a byte array, and its digest. */
  @Benchmark
  public HashCode encodeDigestBytes() {
    return Codecs.digest(codecs.encode(bytes, BYTES));
  }

  /** Jackson's encoding of a list of longs, and its digest. */
  @Benchmark
  public HashCode encodeDigestLongs() {
    return Codecs.digest(codecs.encode(longs, LONGS));
  }

  /** Jackson's encoding of a string, and its digest. */
  @Benchmark
  public HashCode encodeDigestString() {
    return Codecs.digest(codecs.encode(string, STRING));
  }

  /** The input fingerprint of a byte array. */
  @Benchmark
  public Optional<HashCode> fingerprintBytes() {
    return fingerprints.of(bytes);
  }

  /** The input fingerprint of a string. */
  @Benchmark
  public Optional<HashCode> fingerprintString() {
    return fingerprints.of(string);
  }
}
