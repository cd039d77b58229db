package dev.weft.examples.robust;

import dev.weft.Each;
import dev.weft.Input;
import dev.weft.Task;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
 * <p>A malformed file fails its element of {@code stations} with a {@link
 * MalformedStationException}. Run with {@code keepGoing}, the run still returns: the elements that
 * succeeded are cached one by one, so a rerun after the file is repaired reads only that file.
 */
public class StationReadings {
  /**
   * The {@code .properties} files under {@code directory}, sorted by path, each with its size and
   * modification time, so that a repaired file changes this value.
   */
  @Task
  public List<StationFile> files(@Input Path directory) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(directory)) {
      paths = walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".properties"))
          .sorted()
          .toList();
    }
    List<StationFile> files = new ArrayList<>(paths.size());
    for (Path path : paths) {
      files.add(StationFile.at(path));
    }
    return files;
  }

  /**
   * One station's readings summed up; runs once per file, in parallel.
   *
   * @throws MalformedStationException if the file is not a properties file (it has a malformed
   *     Unicode escape), lacks a key, or has a reading that is not a number
   */
  @Task
  public Station stations(@Each("files") StationFile file)
      throws IOException, MalformedStationException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file.path(), StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IllegalArgumentException e) { // what Properties.load throws for a bad Unicode escape
      throw new MalformedStationException(e.getMessage());
    }
    String name = required(properties, "station");
    String[] readings = required(properties, "readings").split(",");
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

  private static String required(Properties properties, String key)
      throws MalformedStationException {
    String value = properties.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new MalformedStationException("no '" + key + "' key");
    }
    return value;
  }
}
