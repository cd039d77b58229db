package dev.weft.engine.values;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.HashMultiset;
import com.google.common.hash.HashCode;
import dev.weft.engine.values.Fixtures.Color;
import dev.weft.engine.values.Fixtures.Config;
import dev.weft.engine.values.Fixtures.Point;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValueFingerprintsTest {

  private static final ValueFingerprints FINGERPRINTS = ValueFingerprints.create();

  @TempDir Path dir;

  @Test
  void equalValues_builtSeparately_haveEqualFingerprints() throws IOException {
    files(dir);
    Map<String, @Nullable Object> first = Fixtures.all(dir);
    Map<String, @Nullable Object> second = Fixtures.all(dir);

    for (String name : first.keySet()) {
      Fingerprint a = FINGERPRINTS.fingerprint(first.get(name));
      assertWithMessage(name).that(a.reason()).isEmpty();
      assertWithMessage(name).that(FINGERPRINTS.fingerprint(second.get(name))).isEqualTo(a);
    }
  }

  @Test
  void everyKind_hasItsOwnFingerprint() throws IOException {
    files(dir);
    Map<String, @Nullable Object> values = Fixtures.all(dir);
    Map<HashCode, String> seen = new HashMap<>();

    for (Map.Entry<String, @Nullable Object> entry : values.entrySet()) {
      HashCode hash = FINGERPRINTS.of(entry.getValue()).orElseThrow();
      String earlier = seen.put(hash, entry.getKey());
      assertWithMessage("%s and %s", earlier, entry.getKey()).that(earlier).isNull();
    }
  }

  @Test
  void oneOfEachType_differ() {
    List<Object> ones = List.of(1, 1L, (short) 1, (byte) 1, 1.0f, 1.0d, '1', "1", true,
        BigInteger.ONE, BigDecimal.ONE, new BigDecimal("1.0"), List.of(1), Set.of(1),
        Map.of(1, 1), Optional.of(1), new int[] {1}, new long[] {1}, new Object[] {1},
        new Point(1, 1), Optional.empty(), List.of(), Set.of(), Map.of(), new int[0]);

    assertThat(fingerprints(ones)).hasSize(ones.size());
    assertThat(FINGERPRINTS.of(1)).isNotEqualTo(FINGERPRINTS.of(null));
  }

  @Test
  void differentValues_differ() {
    List<Object> values = List.of(
        List.of("ab", "c"), List.of("a", "bc"), List.of("c", "ab"),
        Map.of("a", 1, "b", 2), Map.of("a", 2, "b", 1), Map.of("a", 1), Map.of(1, "a"),
        new Point(1, 2), new Point(2, 1), new Fixtures.Labeled("a", List.of(), Map.of()),
        Color.RED, Color.BLUE, "RED",
        new Config("a", 1, Set.of("x")), new Config("a", 1, Set.of("y")),
        HashMultiset.create(List.of("a", "a")), HashMultiset.create(List.of("a")),
        Instant.EPOCH, Instant.EPOCH.plusNanos(1), Double.NaN, 0.0d, -0.0d);

    assertThat(fingerprints(values)).hasSize(values.size());
  }

  @Test
  void recordsOfDifferentClasses_withEqualComponents_differ() {
    record Other(int x, int y) {}

    assertThat(FINGERPRINTS.of(new Other(1, 2))).isNotEqualTo(FINGERPRINTS.of(new Point(1, 2)));
  }

  @Test
  void hashSetsAndMaps_inDifferentInsertionOrders_areEqual() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      keys.add("key" + i);
    }
    Set<String> forward = new HashSet<>(16);
    Set<String> backward = new HashSet<>(4096);
    Map<String, Integer> forwardMap = new HashMap<>(16);
    Map<String, Integer> backwardMap = new HashMap<>(4096);
    for (int i = 0; i < keys.size(); i++) {
      String forwardKey = keys.get(i);
      String backwardKey = keys.get(keys.size() - 1 - i);
      forward.add(forwardKey);
      backward.add(backwardKey);
      forwardMap.put(forwardKey, forwardKey.length());
      backwardMap.put(backwardKey, backwardKey.length());
    }
    // The point of the test: equal collections that iterate in different orders.
    assertThat(new ArrayList<>(forward)).isNotEqualTo(new ArrayList<>(backward));
    assertThat(new ArrayList<>(forwardMap.keySet()))
        .isNotEqualTo(new ArrayList<>(backwardMap.keySet()));

    assertThat(FINGERPRINTS.of(forward)).isEqualTo(FINGERPRINTS.of(backward));
    assertThat(FINGERPRINTS.of(forwardMap)).isEqualTo(FINGERPRINTS.of(backwardMap));
    assertThat(FINGERPRINTS.of(new TreeSet<>(backward))).isEqualTo(FINGERPRINTS.of(forward));
    assertThat(FINGERPRINTS.of(new LinkedHashSet<>(backward))).isEqualTo(FINGERPRINTS.of(forward));
    assertThat(FINGERPRINTS.of(new TreeMap<>(backwardMap))).isEqualTo(FINGERPRINTS.of(forwardMap));
    assertThat(FINGERPRINTS.of(new LinkedHashMap<>(backwardMap)))
        .isEqualTo(FINGERPRINTS.of(forwardMap));
  }

  @Test
  void lists_areOrdered() {
    assertThat(FINGERPRINTS.of(List.of(1, 2))).isNotEqualTo(FINGERPRINTS.of(List.of(2, 1)));
  }

  @Test
  void fingerprints_sameInAnotherJvm() throws Exception {
    files(dir);
    for (boolean content : new boolean[] {false, true}) {
      List<String> here = new ArrayList<>();
      ValueFingerprints fingerprints = ValueFingerprints.withContentHashing(content);
      for (Map.Entry<String, @Nullable Object> entry : Fixtures.all(dir).entrySet()) {
        here.add(entry.getKey() + "=" + fingerprints.fingerprint(entry.getValue()));
      }

      List<String> there = childJvm(dir, content ? "content" : "metadata");

      assertThat(there).containsExactlyElementsIn(here).inOrder();
      assertThat(String.join("\n", here)).doesNotContain("unavailable");
    }
  }

  /** Makes the files {@link Fixtures#all} points at, with a fixed modification time. */
  static void files(Path dir) throws IOException {
    FileTime time = FileTime.from(1_700_000_000L, TimeUnit.SECONDS);
    Files.writeString(dir.resolve("file.txt"), "hello", UTF_8);
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/b.txt"), "bb", UTF_8);
    Files.setLastModifiedTime(dir.resolve("sub/b.txt"), time);
    Files.setLastModifiedTime(dir.resolve("file.txt"), time);
  }

  private static List<String> childJvm(Path dir, String mode) throws Exception {
    Process process = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            FingerprintPrinter.class.getName(), dir.toString(), mode)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(0);
    return output.lines().toList();
  }

  private static Set<Optional<HashCode>> fingerprints(List<?> values) {
    Set<Optional<HashCode>> hashes = new HashSet<>();
    for (Object value : values) {
      hashes.add(FINGERPRINTS.of(value));
    }
    assertThat(hashes).doesNotContain(Optional.empty());
    return hashes;
  }
}
