package dev.weft.engine.values;

import com.google.common.collect.HashMultiset;
import java.io.File;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Values of every kind the fingerprints and codecs support, built afresh on every call. */
final class Fixtures {

  private Fixtures() {}

  enum Color {
    RED,
    GREEN {
      @Override
      public String toString() {
        return "a constant with a body, so a subclass of Color";
      }
    },
    BLUE
  }

  record Point(int x, int y) {}

  record Labeled(String label, List<Point> points, Map<String, Long> counts) {}

  /** A bean with value equality, readable and writable by Jackson. */
  static final class Config {
    private String name = "";
    private int threshold;
    private Set<String> tags = new HashSet<>();

    public Config() {}

    Config(String name, int threshold, Set<String> tags) {
      this.name = name;
      this.threshold = threshold;
      this.tags = tags;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public int getThreshold() {
      return threshold;
    }

    public void setThreshold(int threshold) {
      this.threshold = threshold;
    }

    public Set<String> getTags() {
      return tags;
    }

    public void setTags(Set<String> tags) {
      this.tags = tags;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Config c && name.equals(c.name) && threshold == c.threshold
          && tags.equals(c.tags);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, threshold, tags);
    }
  }

  /** A bean with identity equality, so its identity hash decides its place in a HashSet. */
  static final class Tag {
    private final String name;

    Tag(String name) {
      this.name = name;
    }

    public String getName() {
      return name;
    }
  }

  /** Names and values of every supported kind; {@code dir} holds files made by {@link #files}. */
  static Map<String, @Nullable Object> all(Path dir) {
    Map<String, @Nullable Object> values = new LinkedHashMap<>();
    values.put("null", null);
    values.put("true", true);
    values.put("int 1", 1);
    values.put("long 1", 1L);
    values.put("short 1", (short) 1);
    values.put("byte 1", (byte) 1);
    values.put("float 1.5", 1.5f);
    values.put("double 1.5", 1.5d);
    values.put("double NaN", Double.NaN);
    values.put("double -0.0", -0.0d);
    values.put("char", 'é');
    values.put("string 1", "1");
    values.put("string unicode", "héllo wörld 🌍 日本");
    values.put("string long", "ab🌍".repeat(10_000));
    values.put("string unpaired surrogate", "x\uD800y");
    values.put("enum", Color.RED);
    values.put("enum with body", Color.GREEN);
    values.put("big integer", new BigInteger("123456789012345678901234567890"));
    values.put("big decimal", new BigDecimal("1234.5600"));
    values.put("instant", Instant.parse("2024-02-29T12:34:56.789Z"));
    values.put("local date", LocalDate.of(2024, 2, 29));
    values.put("local date time", LocalDateTime.of(2024, 2, 29, 1, 2, 3));
    values.put("zoned date time",
        ZonedDateTime.of(2024, 2, 29, 1, 2, 3, 4, ZoneId.of("Europe/Paris")));
    values.put("duration", Duration.ofMillis(90_061_001));
    values.put("period", Period.of(1, 2, 3));
    values.put("zone", ZoneId.of("America/New_York"));
    values.put("uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    values.put("uri", URI.create("https://example.com/a?b=c"));
    values.put("byte[]", new byte[] {1, 2, 3, -1});
    values.put("int[]", new int[] {1, 2, 3});
    values.put("long[]", new long[] {1, 2, 3});
    values.put("double[]", new double[] {1.5, Double.NaN});
    values.put("float[]", new float[] {1.5f});
    values.put("char[]", new char[] {'a', 'b'});
    values.put("short[]", new short[] {1, 2});
    values.put("boolean[]", new boolean[] {true, false});
    values.put("String[]", new String[] {"a", "b"});
    values.put("Object[][]", new Object[] {new Object[] {1, "a"}, List.of(2)});
    values.put("list", new ArrayList<>(List.of("a", "b", "c")));
    values.put("linked list", new LinkedList<>(List.of(1, 2, 3)));
    values.put("deque", new ArrayDeque<>(List.of(3, 2, 1)));
    values.put("hash set of strings", strings(500));
    values.put("hash set of enums", new HashSet<>(List.of(Color.BLUE, Color.RED, Color.GREEN)));
    values.put("hash set of identity beans", tags(200));
    values.put("hash map by enum", enumMap());
    values.put("tree map", new TreeMap<>(Map.of("b", 2, "a", 1)));
    values.put("nested map", Map.of("k", List.of(Set.of(1, 2), Set.of()), "j", List.of()));
    values.put("multiset", HashMultiset.create(List.of("a", "b", "a")));
    values.put("optional", Optional.of(List.of(1)));
    values.put("optional empty", Optional.empty());
    values.put("optional int", OptionalInt.of(7));
    values.put("record", new Point(1, 2));
    values.put("nested record",
        new Labeled("l", List.of(new Point(1, 2), new Point(3, 4)), Map.of("a", 1L, "b", 2L)));
    values.put("bean", new Config("c", 3, strings(50)));
    values.put("path to file", dir.resolve("file.txt"));
    values.put("path to directory", dir);
    values.put("path missing", dir.resolve("missing.txt"));
    values.put("file", new File(dir.toFile(), "file.txt"));
    return values;
  }

  static Set<String> strings(int n) {
    Set<String> set = new HashSet<>();
    for (int i = 0; i < n; i++) {
      set.add("s" + i);
    }
    return set;
  }

  private static Set<Tag> tags(int n) {
    Set<Tag> set = new HashSet<>();
    for (int i = 0; i < n; i++) {
      set.add(new Tag("t" + i));
    }
    return set;
  }

  private static Map<Color, Integer> enumMap() {
    Map<Color, Integer> map = new HashMap<>();
    for (Color c : Color.values()) {
      map.put(c, c.ordinal());
    }
    return map;
  }
}
