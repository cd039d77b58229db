package dev.weft.engine.values;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.values.Fixtures.Color;
import dev.weft.engine.values.Fixtures.Config;
import dev.weft.engine.values.Fixtures.Labeled;
import dev.weft.engine.values.Fixtures.Point;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CodecsTest {

  private final Codecs codecs = Codecs.create();

  @Test
  void listOfMapsOfLongs_roundTripsWithItsExactTypes() {
    TypeToken<List<Map<String, Long>>> type = new TypeToken<>() {};
    List<Map<String, Long>> value = List.of(Map.of("a", 1L, "b", 2L), Map.of());

    Object back = roundTrip(value, type);

    assertThat(back).isEqualTo(value);
    // Without the exact type Jackson would read small numbers as Integers.
    assertThat(((List<?>) back).get(0)).isInstanceOf(Map.class);
    assertThat(((Map<?, ?>) ((List<?>) back).get(0)).get("a")).isInstanceOf(Long.class);
  }

  @Test
  void recordsAndNestedGenerics_roundTrip() {
    assertRoundTrips(new Point(1, 2), TypeToken.of(Point.class));
    assertRoundTrips(new Labeled("l", List.of(new Point(1, 2)), Map.of("a", 3L)),
        TypeToken.of(Labeled.class));
    assertRoundTrips(Map.of("k", List.of(Set.of(new Point(1, 2)), Set.of())),
        new TypeToken<Map<String, List<Set<Point>>>>() {});
    assertRoundTrips(new Config("c", 3, Fixtures.strings(20)), TypeToken.of(Config.class));
  }

  @Test
  void optionals_roundTrip_includingNestedAndNull() {
    assertRoundTrips(Optional.of(List.of(new Point(1, 2))),
        new TypeToken<Optional<List<Point>>>() {});
    assertRoundTrips(Optional.empty(), new TypeToken<Optional<String>>() {});
    assertRoundTrips(Optional.of(Optional.empty()), new TypeToken<Optional<Optional<String>>>() {});
    assertRoundTrips(Optional.of(Optional.of("x")), new TypeToken<Optional<Optional<String>>>() {});
    assertRoundTrips(new OptionalField(null, Optional.of(Instant.EPOCH)),
        TypeToken.of(OptionalField.class));
  }

  record OptionalField(@Nullable Optional<String> missing, Optional<Instant> when) {}

  @Test
  void pathsAndTimes_roundTrip_asText() {
    assertRoundTrips(Path.of("relative", "file.txt"), TypeToken.of(Path.class));
    assertRoundTrips(Path.of("/abs/file.txt"), TypeToken.of(Path.class));
    assertRoundTrips(Instant.parse("2024-02-29T12:34:56.789123Z"), TypeToken.of(Instant.class));
    assertRoundTrips(LocalDate.of(2024, 2, 29), TypeToken.of(LocalDate.class));
    assertRoundTrips(Duration.ofNanos(90_061_000_000_001L), TypeToken.of(Duration.class));
    assertRoundTrips(ZonedDateTime.of(2024, 2, 29, 1, 2, 3, 4, ZoneId.of("Europe/Paris")),
        TypeToken.of(ZonedDateTime.class));
    assertRoundTrips(Map.of(LocalDate.of(2024, 1, 1), 1L, LocalDate.of(2023, 1, 1), 2L),
        new TypeToken<Map<LocalDate, Long>>() {});
    assertRoundTrips(Map.of(Path.of("a"), List.of(Path.of("b"))),
        new TypeToken<Map<Path, List<Path>>>() {});

    assertThat(new String(codecs.encode(Path.of("relative", "file.txt"), TypeToken.of(Path.class)),
        UTF_8)).isEqualTo("\"relative/file.txt\"");
    assertThat(new String(codecs.encode(Instant.EPOCH, TypeToken.of(Instant.class)), UTF_8))
        .isEqualTo("\"1970-01-01T00:00:00Z\"");
  }

  @Test
  void arraysEnumsAndScalars_roundTrip() {
    assertRoundTrips(new int[] {1, 2, 3}, TypeToken.of(int[].class));
    assertRoundTrips(new byte[] {1, -2, 3}, TypeToken.of(byte[].class));
    assertRoundTrips(new String[] {"a", "b"}, TypeToken.of(String[].class));
    assertRoundTrips(new Point[] {new Point(1, 2)}, TypeToken.of(Point[].class));
    assertRoundTrips(Color.GREEN, TypeToken.of(Color.class));
    assertRoundTrips(Set.of(Color.BLUE, Color.RED), new TypeToken<Set<Color>>() {});
    assertRoundTrips(new BigDecimal("1234.5600"), TypeToken.of(BigDecimal.class));
    assertRoundTrips(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
        TypeToken.of(UUID.class));
    assertRoundTrips("héllo 🌍", TypeToken.of(String.class));
  }

  @Test
  void null_roundTrips() {
    assertThat(roundTrip(null, new TypeToken<List<String>>() {})).isNull();
  }

  @Test
  void equalMapsAndSets_builtInDifferentOrders_encodeToEqualBytes() {
    Map<String, Set<String>> forward = new HashMap<>(16);
    Map<String, Set<String>> backward = new LinkedHashMap<>(4096);
    for (int i = 0; i < 300; i++) {
      String key = "key" + i;
      String other = "key" + (299 - i);
      forward.put(key, set(key, 16, true));
      backward.put(other, set(other, 4096, false));
    }
    assertThat(new ArrayList<>(forward.keySet())).isNotEqualTo(new ArrayList<>(backward.keySet()));
    assertThat(new ArrayList<>(forward.get("key7")))
        .isNotEqualTo(new ArrayList<>(backward.get("key7")));
    TypeToken<Map<String, Set<String>>> type = new TypeToken<>() {};

    byte[] a = codecs.encode(forward, type);
    byte[] b = codecs.encode(backward, type);

    assertThat(a).isEqualTo(b);
    assertThat(Codecs.digest(a)).isEqualTo(Codecs.digest(b));
    assertThat(codecs.encode(new TreeMap<>(backward), type)).isEqualTo(a);
  }

  @Test
  void equalBeans_withHashSets_encodeToEqualBytes() {
    Config a = new Config("c", 1, set("x", 16, true));
    Config b = new Config("c", 1, set("x", 4096, false));
    assertThat(new ArrayList<>(a.getTags())).isNotEqualTo(new ArrayList<>(b.getTags()));

    assertThat(codecs.encode(a, TypeToken.of(Config.class)))
        .isEqualTo(codecs.encode(b, TypeToken.of(Config.class)));
    assertThat(new String(codecs.encode(a, TypeToken.of(Config.class)), UTF_8))
        .startsWith("{\"name\":\"c\",\"tags\":[");
  }

  @Test
  void digest_isA128BitHashOfTheBytes() {
    byte[] bytes = codecs.encode(List.of(1, 2), new TypeToken<List<Integer>>() {});

    assertThat(Codecs.digest(bytes).bits()).isEqualTo(128);
    assertThat(Codecs.digest(bytes)).isEqualTo(Codecs.digest("[1,2]".getBytes(UTF_8)));
    assertThat(Codecs.digest(bytes)).isNotEqualTo(Codecs.digest("[2,1]".getBytes(UTF_8)));
  }

  /** A set of many strings, filled forward or backward, so that its iteration order differs. */
  private static Set<String> set(String prefix, int capacity, boolean forward) {
    Set<String> set = new HashSet<>(capacity);
    for (int i = 0; i < 100; i++) {
      set.add(prefix + "/" + (forward ? i : 99 - i));
    }
    return set;
  }

  private @Nullable Object roundTrip(@Nullable Object value, TypeToken<?> type) {
    return codecs.decode(codecs.encode(value, type), type);
  }

  private void assertRoundTrips(Object value, TypeToken<?> type) {
    Object back = roundTrip(value, type);
    assertThat(back).isEqualTo(value);
    assertThat(codecs.encode(back, type)).isEqualTo(codecs.encode(value, type));
  }
}
