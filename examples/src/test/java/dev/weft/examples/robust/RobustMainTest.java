package dev.weft.examples.robust;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.engine.ConsoleProgress;
import dev.weft.engine.RunListener;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskFailedException;
import dev.weft.engine.TaskOutcome.Status;
import dev.weft.engine.TaskOutcome;
import dev.weft.engine.Weft;
import dev.weft.examples.common.LockedDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RobustMainTest {
  @TempDir Path dir;
  @TempDir Path cache;

  private static final String BOTH = "task 'stations' failed on element 2 of 4"
      + " (c.properties), and 1 more: 3 (d.properties):"
      + " dev.weft.examples.robust.MalformedStationException: reading 2 is not a number: 'oops'"
      + " (needed by stations -> table)";
  private static final String NO_READINGS = "task 'stations' failed on element 3 of 4"
      + " (d.properties): dev.weft.examples.robust.MalformedStationException: no 'readings' key"
      + " (needed by stations -> table)";

  /** Four stations, two of them malformed: c has a reading that is no number, d no readings. */
  @BeforeEach
  void writeStations() throws IOException {
    Files.writeString(dir.resolve("a.properties"), "station=Alpha\nreadings=1, 2, 3\n");
    Files.writeString(dir.resolve("b.properties"), "station=Beta\nreadings=-1.5,0.5\n");
    Files.writeString(dir.resolve("c.properties"), "station=Gamma\nreadings=4, oops, 6\n");
    Files.writeString(dir.resolve("d.properties"), "station=Delta\nreading=7\n");
    Files.writeString(dir.resolve("notes.txt"), "not a station file");
  }

  /** Repairs c, and d too unless told otherwise; each file grows, so its size shows the edit. */
  private void repair(boolean alsoD) throws IOException {
    Files.writeString(dir.resolve("c.properties"), "station=Gamma\nreadings=4, 5.5, 6, 10.5\n");
    if (alsoD) {
      Files.writeString(dir.resolve("d.properties"), "station=Delta\nreadings=7, 8\n");
    }
  }

  private Output main(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    RunListener listener = ConsoleProgress.create(new PrintStream(progress, true, UTF_8), false);
    int status = RobustMain.run(args, new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8), listener);
    return new Output(status, out.toString(UTF_8).lines().toList(), err.toString(UTF_8));
  }

  private record Output(int status, List<String> lines, String err) {
    /** The last lines: one per task, its words after the name; then the summary. */
    List<String> tasks() {
      return lines.subList(lines.size() - 4, lines.size()).stream()
          .map(l -> l.strip().replaceAll(" +", " ")).toList();
    }
  }

  /** Runs the pipeline as the command does, with a fresh Weft on {@link #cache}. */
  private RunResult runPipeline() {
    try (Weft weft = Weft.builder().keepGoing(true).cacheDir(cache).build()) {
      return RobustMain.readStations(weft, StationReadingsFlow.of(new StationReadings()), dir);
    }
  }

  private static Map<String, String> statuses(RunResult result) {
    Map<String, String> statuses = new LinkedHashMap<>();
    for (TaskOutcome t : result.tasks()) {
      statuses.put(t.name(), t.status() + " " + t.reason());
    }
    return statuses;
  }

  @Test
  void malformedFiles_failTheirElements_andTheRunStillReturns() {
    Output output = main("--cache-dir", cache.toString(), dir.toString());

    assertThat(output.status()).isEqualTo(1);
    // Every failed element is named, the lowest first, whatever the order they failed in.
    List<String> err = output.err().lines().toList();
    assertThat(err.get(0)).isEqualTo("error: " + BOTH);
    assertThat(err.get(1)).isEqualTo("The files that were read are cached in " + cache
        + ": repair what failed and run again, and only the files that failed are read again.");
    assertThat(output.lines()).hasSize(4); // no table
    assertThat(output.tasks().get(0)).matches("files executed \\d+\\.\\d\\d s new");
    assertThat(output.tasks().get(1)).matches("stations failed \\d+\\.\\d\\d s on element 2 of 4"
        + " \\(c\\.properties\\), and 1 more: 3 \\(d\\.properties\\):"
        + " dev\\.weft\\.examples\\.robust\\.MalformedStationException: reading 2 .*");
    assertThat(output.tasks().get(2)).matches("table skipped 0\\.00 s upstream 'stations' failed");
    assertThat(output.tasks().get(3)).matches("Ran 3 tasks in \\d+\\.\\d\\d s: 1 executed, none"
        + " from the cache, 1 failed, 1 skipped \\(" + Pattern.quote(cache.toString())
        + ": \\d+ entries, \\d+ (bytes|KB)\\)");
  }

  @Test
  void rerunAfterRepair_readsOnlyTheFilesThatFailed_andPrintsEveryStation() throws IOException {
    main("--cache-dir", cache.toString(), dir.toString());
    repair(true);

    Output output = main("--cache-dir", cache.toString(), dir.toString());

    assertThat(output.err()).isEmpty();
    assertThat(output.status()).isEqualTo(0);
    assertThat(output.lines().subList(0, 6)).containsExactly(
        "Stations under " + dir + ":",
        "station              readings     min    mean     max",
        "Alpha                       3     1.0     2.0     3.0",
        "Beta                        2    -1.5    -0.5     0.5",
        "Delta                       2     7.0     7.5     8.0",
        "Gamma                       4     4.0     6.5    10.5").inOrder();
    assertThat(output.tasks().get(0)).matches("files executed \\d+\\.\\d\\d s"
        + " input 'directory' changed");
    assertThat(output.tasks().get(1)).matches("stations executed \\d+\\.\\d\\d s"
        + " .*; 2 of 4 elements cached");
    assertThat(output.tasks().get(2)).matches("table executed \\d+\\.\\d\\d s new");
  }

  @Test
  void rerun_executesOnlyTheElementsThatFailed() throws IOException {
    RunResult first = runPipeline();
    repair(true);
    RunResult second = runPipeline();
    RunResult third = runPipeline();

    assertThat(statuses(first).get("table")).isEqualTo("SKIPPED upstream 'stations' failed");
    assertThat(first.outcome("stations").status()).isEqualTo(Status.FAILED);
    assertThat(first.outcome("stations").attempts()).isEqualTo(4); // every element ran once
    assertThat(first.failures()).hasSize(1);
    TaskOutcome stations = second.outcome("stations");
    assertThat(stations.status()).isEqualTo(Status.EXECUTED);
    assertThat(stations.reason()).endsWith("; 2 of 4 elements cached");
    assertThat(stations.attempts()).isEqualTo(2); // c and d, read again; a and b loaded
    assertThat(second.succeeded()).isTrue();
    assertThat(statuses(third)).containsExactly(
        "files", "DISK_HIT unchanged",
        "table", "DISK_HIT unchanged").inOrder();
  }

  @Test
  void fileStillMalformed_failsAlone_whileTheOthersComeFromTheCache() throws IOException {
    runPipeline();
    repair(false);

    RunResult second = runPipeline();

    TaskOutcome stations = second.outcome("stations");
    assertThat(stations.status()).isEqualTo(Status.FAILED);
    assertThat(stations.attempts()).isEqualTo(2); // c, now repaired, and d, still malformed
    assertThat(stations.failure().orElseThrow()).hasMessageThat().isEqualTo("no 'readings' key");
    TaskFailedException failure = assertThrows(TaskFailedException.class,
        () -> second.get(StationReadingsFlow.TABLE));
    assertThat(failure).hasMessageThat().isEqualTo(NO_READINGS);
  }

  @Test
  void sample_failsOnItsThreeMalformedFiles_thenRepairedReadsOnlyThose() {
    Output first = main("--cache-dir", cache.toString());
    Output second = main("--cache-dir", cache.toString(), "--repair-sample");

    assertThat(first.status()).isEqualTo(1);
    assertThat(first.lines().get(0)).isEqualTo("Sample data: 10 station files in "
        + RobustMain.SAMPLE + ", 3 of them malformed (run with --repair-sample to repair them)");
    assertThat(first.err()).startsWith("error: task 'stations' failed on element 3 of 10"
        + " (station-03.properties), and 2 more: 6 (station-06.properties), 8"
        + " (station-08.properties): dev.weft.examples.robust.MalformedStationException: ");
    assertThat(second.status()).isEqualTo(0);
    assertThat(second.lines().get(0)).isEqualTo("Sample data: 10 station files in "
        + RobustMain.SAMPLE + ", all well-formed");
    assertThat(second.lines()).hasSize(2 + 11 + 4); // heading, stations table, tasks
    assertThat(second.tasks().get(1))
        .matches("stations executed \\d+\\.\\d\\d s .*; 7 of 10 elements cached");
  }

  @Test
  void sampleStations_areMalformedExactlyWhereDocumented() throws Exception {
    Path sample = dir.resolve("sample");
    SampleStations.write(sample, false);
    StationReadings readings = new StationReadings();

    Map<Integer, String> failures = new LinkedHashMap<>();
    for (int i = 0; i < 10; i++) {
      try {
        Station station = readings.stations(StationFile.at(sample.resolve(
            SampleStations.fileName(i))));
        assertThat(station.readings()).isEqualTo(SampleStations.DAYS);
      } catch (MalformedStationException e) {
        failures.put(i, e.getMessage());
      }
    }

    assertThat(failures).containsExactly(
        SampleStations.OFFLINE, "reading 100 is not a number: 'n/a'",
        SampleStations.BAD_ESCAPE, "Malformed \\uxxxx encoding.",
        SampleStations.MISSPELLED, "no 'readings' key").inOrder();
  }

  @Test
  void repairingTheSample_rewritesOnlyTheMalformedFiles() throws Exception {
    Path sample = dir.resolve("sample");
    SampleStations.write(sample, false);
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    for (int i = 0; i < 10; i++) {
      Files.setLastModifiedTime(sample.resolve(SampleStations.fileName(i)), old);
    }

    SampleStations.write(sample, true);

    for (int i = 0; i < 10; i++) {
      boolean repaired = i == SampleStations.OFFLINE || i == SampleStations.BAD_ESCAPE
          || i == SampleStations.MISSPELLED;
      FileTime modified = Files.getLastModifiedTime(sample.resolve(SampleStations.fileName(i)));
      assertThat(modified.equals(old)).isEqualTo(!repaired);
    }
    Station copenhagen = new StationReadings().stations(StationFile.at(
        sample.resolve(SampleStations.fileName(SampleStations.BAD_ESCAPE))));
    assertThat(copenhagen.name()).isEqualTo("K\u00f8benhavn");
  }

  /** What reading {@code name}, written with {@code bytes}, fails with. */
  private String malformed(String name, byte[] bytes) throws IOException {
    Path file = Files.write(dir.resolve(name), bytes);
    MalformedStationException e = assertThrows(MalformedStationException.class,
        () -> new StationReadings().stations(StationFile.at(file)));
    return e.getMessage();
  }

  @Test
  void fileNotInUtf8_isMalformed_namingTheLineAndSayingToSaveItAsUtf8() throws IOException {
    byte[] latin1 = "# Copenhagen\nstation=K\u00f8benhavn\nreadings=1\n"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    assertThat(malformed("e.properties", latin1)).isEqualTo("not UTF-8 text: line 2 has byte"
        + " 0xF8, which UTF-8 does not allow there; save e.properties as UTF-8");
  }

  @Test
  void fileWithAByteOrderMark_isRead() throws Exception {
    Path file = Files.writeString(dir.resolve("e.properties"),
        "\uFEFFstation=K\u00f8benhavn\nreadings=1, 3\n");

    Station station = new StationReadings().stations(StationFile.at(file));

    assertThat(station).isEqualTo(new Station("K\u00f8benhavn", 2, 1, 2, 3));
  }

  @Test
  void emptyReadings_areMalformed() throws IOException {
    assertThat(malformed("e.properties", "station=E\nreadings=,\n".getBytes(UTF_8)))
        .isEqualTo("no readings: 'readings' lists no number");
    assertThat(malformed("f.properties", "station=F\nreadings=1,,2\n".getBytes(UTF_8)))
        .isEqualTo("reading 2 is not a number: ''");
  }

  @Test
  void nonFiniteReadings_areMalformed() throws IOException {
    assertThat(malformed("e.properties", "station=E\nreadings=1, NaN\n".getBytes(UTF_8)))
        .isEqualTo("reading 2 is not a finite number: 'NaN'");
    assertThat(malformed("f.properties", "station=F\nreadings=-Infinity\n".getBytes(UTF_8)))
        .isEqualTo("reading 1 is not a finite number: '-Infinity'");
    assertThat(malformed("g.properties", "station=G\nreadings=1, 2, 1e999\n".getBytes(UTF_8)))
        .isEqualTo("reading 3 is not a finite number: '1e999'");
  }

  @Test
  void unlistableSubdirectory_namesItAndExitsWith2() throws IOException {
    Path hidden = Files.createDirectory(dir.resolve("locked"));
    Files.writeString(hidden.resolve("z.properties"), "station=Zeta\nreadings=1\n");
    try (LockedDirectory lock = LockedDirectory.lock(hidden)) {
      Path locked = lock.path();

      Output output = main("--cache-dir", cache.toString(), dir.toString());

      assertThat(output.status()).isEqualTo(2);
      assertThat(output.err()).isEqualTo("error: cannot list directory " + locked
          + ": permission denied; make it readable (chmod u+rx " + locked
          + ") or pass a directory without it\n");
    }
  }

  @Test
  void badArguments_areUsageErrors() {
    Output repairWithDirectory = main("--repair-sample", dir.toString());
    Output both = main("--no-cache", "--cache-dir", cache.toString());
    Output missing = main("--cache-dir", cache.toString(), dir.resolve("nowhere").toString());

    assertThat(repairWithDirectory.status()).isEqualTo(2);
    assertThat(repairWithDirectory.err()).startsWith("error: --repair-sample repairs the sample;"
        + " it takes no directory\nusage: RobustMain");
    assertThat(both.status()).isEqualTo(2);
    assertThat(both.err()).startsWith("error: --no-cache and --cache-dir exclude each other\n");
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("error: " + dir.resolve("nowhere").toAbsolutePath()
        + " does not exist; pass the directory that holds the station files\n");
  }

  @Test
  void directoryWithoutStationFiles_saysSoAndExitsWith2() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));

    Output output = main("--no-cache", empty.toString());

    assertThat(output.status()).isEqualTo(2);
    assertThat(output.err()).isEqualTo("error: no .properties files under "
        + empty.toAbsolutePath() + "\n");
  }
}
