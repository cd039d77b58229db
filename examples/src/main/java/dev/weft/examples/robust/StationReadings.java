package dev.weft.examples.robust;

import dev.weft.Each;
import dev.weft.Input;
import dev.weft.Task;
import dev.weft.examples.common.DirectoryWalk;
import dev.weft.examples.common.UnlistableDirectoryException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Temperature readings of weather stations, one {@code .properties} file per station, as a Weft
 * pipeline: list the files, read each one in parallel (the {@code @Each} task {@code stations}),
 * and tabulate them. A station file has two keys:
 *
 * <pre>
 * station=Bergen
 * readings=7.5, 8.1, -0.3, …
 * </pre>
 *
 * <p>A station file is UTF-8 text. The {@code .properties} format was ISO-8859-1 until Java 9,
 * but text editors write UTF-8 today, and a file in another encoding is reported, with the line of
 * its first byte that UTF-8 does not allow, rather than read as the wrong letters. {@code \}{@code
 * uXXXX} escapes work too.
 *
 * <p>A malformed file fails its element of {@code stations} with a {@link
 * MalformedStationException}. Run with {@code keepGoing}, the run still returns: the elements that
 * succeeded are cached one by one, so a rerun after the file is repaired reads only that file.
 * The engine's failure message names the element, which is the file.
 */
public class StationReadings {
  /**
   * The {@code .properties} files under {@code directory}, sorted by path, each with its size and
   * modification time, so that a repaired file changes this value.
   *
   * @throws UnlistableDirectoryException if a directory under it cannot be listed. It is not
   *     skipped: the table would look complete while stations were missing.
   * @throws IOException if a file's size or time cannot be read
   */
  @Task
  public List<StationFile> files(@Input Path directory) throws IOException {
    List<Path> paths = DirectoryWalk.regularFiles(
        directory, p -> p.getFileName().toString().endsWith(".properties"));
    List<StationFile> files = new ArrayList<>(paths.size());
    for (Path path : paths) {
      files.add(StationFile.at(path));
    }
    return files;
  }

  /**
   * One station's readings summed up; runs once per file, in parallel.
   *
   * @throws MalformedStationException if the file is not UTF-8 text, is not a properties file (it
   *     has a malformed Unicode escape), lacks a key, has no readings, or has a reading that is
   *     not a finite number
   */
  @Task
  public Station stations(@Each("files") StationFile file)
      throws IOException, MalformedStationException {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(utf8(Files.readAllBytes(file.path()), file)));
    } catch (IllegalArgumentException e) { // what Properties.load throws for a bad Unicode escape
      throw new MalformedStationException(e.getMessage());
    }
    String name = required(properties, "station");
    // Splitting drops trailing empty strings: "readings=," has none.
    String[] readings = required(properties, "readings").split(",");
    if (readings.length == 0) {
      throw new MalformedStationException("no readings: 'readings' lists no number");
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (int i = 0; i < readings.length; i++) {
      double reading;
      try {
        reading = Double.parseDouble(readings[i].strip());
      } catch (NumberFormatException e) {
        throw new MalformedStationException(
            "reading " + (i + 1) + " is not a number: '" + readings[i].strip() + "'");
      }
      if (!Double.isFinite(reading)) { // NaN, Infinity, or too large for a double, as 1e999
        throw new MalformedStationException(
            "reading " + (i + 1) + " is not a finite number: '" + readings[i].strip() + "'");
      }
      min = Math.min(min, reading);
      max = Math.max(max, reading);
      sum += reading;
    }
    return new Station(name, readings.length, min, sum / readings.length, max);
  }

  /** The stations, one line each, in alphabetical order, under a heading. */
  @Task
  public String table(List<Station> stations) {
    return String.format(Locale.ROOT, "%-20s %8s %7s %7s %7s%n", "station", "readings", "min",
        "mean", "max")
        + stations.stream()
            .sorted(Comparator.comparing(Station::name))
            .map(s -> String.format(Locale.ROOT, "%-20s %8d %7.1f %7.1f %7.1f", s.name(),
                s.readings(), s.min(), s.mean(), s.max()))
            .collect(Collectors.joining("\n"));
  }

  /**
   * {@code bytes} decoded as UTF-8, without a leading byte order mark (which some editors write).
   *
   * @throws MalformedStationException if they are not UTF-8, naming the line and the byte
   */
  private static String utf8(byte[] bytes, StationFile file) throws MalformedStationException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder(); // reports malformed input
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 gives no more chars than bytes
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      for (int i = 0; i < at; i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new MalformedStationException(String.format(Locale.ROOT, "not UTF-8 text: line %d"
          + " has byte 0x%02X, which UTF-8 does not allow there; save %s as UTF-8", line,
          bytes[at] & 0xFF, file));
    }
    decoder.flush(out);
    String text = out.flip().toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }


  private static String required(Properties properties, String key)
      throws MalformedStationException {
    String value = properties.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new MalformedStationException("no '" + key + "' key");
    }
    return value;
  }
}
