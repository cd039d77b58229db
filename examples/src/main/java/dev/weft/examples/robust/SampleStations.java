package dev.weft.examples.robust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.StringJoiner;

/**
 * Writes the sample data that {@link RobustMain} reads when given no directory: a file per weather
 * station, {@code station-00.properties} to {@code station-09.properties}, each with a year of
 * daily temperatures. Three of them are malformed, in three ways a real feed breaks:
 *
 * <ul>
 *   <li>{@value #OFFLINE}: a reading is {@code n/a} (the sensor was offline that day);
 *   <li>{@value #BAD_ESCAPE}: the station's name has a malformed Unicode escape ({@code \}{@code
 *       u00g8} for {@code \}{@code u00f8});
 *   <li>{@value #MISSPELLED}: the key {@code readings} is misspelled {@code reading}.
 * </ul>
 *
 * <p>Written "repaired", the three are well-formed. The data is the same on every run (each file
 * comes from a {@link Random} seeded with its index), and a file whose content is already right
 * is left untouched, so that its modification time — which the cache reads — does not change:
 * repairing the sample changes only the three files.
 */
final class SampleStations {
  /** The stations, in file order. */
  static final List<String> NAMES = List.of("Bergen", "Oslo", "Troms\\u00f8", "Reykjav\\u00edk",
      "Helsinki", "Stockholm", "K\\u00f8benhavn", "Tallinn", "Nuuk", "T\\u00f3rshavn");
  /** The index of the file with a reading that is not a number. */
  static final int OFFLINE = 3;
  /** The index of the file with a malformed Unicode escape. */
  static final int BAD_ESCAPE = 6;
  /** The index of the file whose key {@code readings} is misspelled. */
  static final int MISSPELLED = 8;
  /** The readings of each station: a year of days. */
  static final int DAYS = 365;

  private static final long SEED = 20_241_122L;
  private static final double[] MEANS = {7.6, 6.3, 2.9, 4.6, 5.9, 7.4, 8.8, 6.6, -1.1, 6.5};

  private SampleStations() {}

  /** The name of file {@code index}: {@code station-03.properties}. */
  static String fileName(int index) {
    return String.format(Locale.ROOT, "station-%02d.properties", index);
  }

  /**
   * Writes the files into {@code directory}, creating it if needed; with {@code repaired}, the
   * three malformed files are written well-formed. Rewrites only files whose content differs.
   */
  static void write(Path directory, boolean repaired) throws IOException {
    Files.createDirectories(directory);
    for (int i = 0; i < NAMES.size(); i++) {
      Path file = directory.resolve(fileName(i));
      byte[] content = content(i, repaired).getBytes(StandardCharsets.UTF_8);
      if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), content)) {
        Files.write(file, content);
      }
    }
  }

  private static String content(int index, boolean repaired) {
    Random random = new Random(SEED * 31 + index);
    StringJoiner readings = new StringJoiner(", ");
    for (int day = 0; day < DAYS; day++) {
      // A seasonal swing of 8 degrees around the station's mean, coldest in mid-January;
      // StrictMath, so that every JVM writes the same digits.
      double season = -8 * StrictMath.cos(2 * Math.PI * (day - 15) / DAYS);
      double reading = MEANS[index] + season + 2.5 * random.nextGaussian();
      readings.add(!repaired && index == OFFLINE && day == 99
          ? "n/a" : String.format(Locale.ROOT, "%.1f", reading));
    }
    String name = NAMES.get(index);
    if (!repaired && index == BAD_ESCAPE) {
      name = name.replace("\\u00f8", "\\u00g8");
    }
    String key = !repaired && index == MISSPELLED ? "reading" : "readings";
    return "# Daily mean temperatures in degrees Celsius, one year\n"
        + "station=" + name + "\n"
        + key + "=" + readings + "\n";
  }
}
