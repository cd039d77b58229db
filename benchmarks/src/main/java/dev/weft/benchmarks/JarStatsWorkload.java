package dev.weft.benchmarks;

import dev.weft.engine.Flow;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome;
import dev.weft.engine.TaskOutcome.Status;
import dev.weft.engine.Weft;
import dev.weft.examples.jars.Jar;
import dev.weft.examples.jars.JarStat;
import dev.weft.examples.jars.JarStats;
import dev.weft.examples.jars.JarStatsFlow;
import dev.weft.examples.jars.JarStatsMain;
import dev.weft.examples.jars.Totals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A real workload, timed: the statistics of the examples' {@link JarStats} (open every jar under a
 * directory, read every class in it and check it against its CRC-32, add up, pick the largest)
 * over the local Maven repository — about a thousand jars and half a gigabyte, read from the file
 * system. Not a JMH benchmark: it is I/O-bound and its first pass is unrepeatable (see below), so
 * it is a plain program that times whole runs, round after round, and prints medians and ratios.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.weft.benchmarks.JarStatsWorkload [rounds] [dir]
 * </pre>
 *
 * <p>{@code rounds} defaults to 5; {@code dir} to the local Maven repository ({@code
 * ~/.m2/repository}, or the system property {@code maven.repo.local}). Each round runs, in this
 * order:
 *
 * <ol>
 *   <li><b>weft cold</b>: a new {@code Weft} ({@code parallelism} = available processors) on a
 *       new, empty cache directory, timed from its build to its close (which waits for the disk
 *       writes), as a first run of the example is;
 *   <li><b>weft warm disk</b>: a new {@code Weft} on the same directory, as a rerun of the
 *       example in a new JVM, timed from its build to the run's end: the results come from the
 *       disk tier;
 *   <li><b>weft warm memory</b>: the same run again on that {@code Weft}: from the memory tier;
 *   <li><b>sequential</b>: plain Java, no Weft: the same task methods called in a loop, one jar
 *       after the other, on one thread;
 *   <li><b>weft no cache</b>: a {@code Weft} with {@code caching(false)}: the parallel run alone,
 *       without the cost of storing results.
 * </ol>
 *
 * <p>Every variant's totals and largest jars must equal the others' in the round; the program
 * says so, and exits with status 1 if they do not. A round in which the repository changed (a
 * build installed a jar) is not compared, and says so.
 *
 * <p><b>The OS page cache.</b> Once a jar has been read, the kernel keeps its pages in memory, and
 * a later read costs no disk I/O. So only the first pass over the repository — weft cold in round
 * 1, if nothing read the jars earlier — reads from disk; every later variant and round reads from
 * the page cache. The program prints how much of the jars was resident before round 1 and before
 * round 2 (with {@code fincore}, when installed), reports round 1 on its own, and takes the
 * medians and ratios over rounds 2 and later only. Read round 1's weft cold as "a first run after
 * a reboot" (if little was resident); the medians compare the variants on equal terms, with the
 * files in memory, where CPU (inflating and checksumming) dominates. Round 1 also pays the JIT's
 * warm-up, mostly in weft cold, which runs first.
 */
public final class JarStatsWorkload {
  private static final int TOP = 10;
  private static final String[] VARIANTS =
      {"weft cold", "weft warm disk", "weft warm memory", "sequential", "weft no cache"};
  private static final int COLD = 0;
  private static final int DISK = 1;
  private static final int MEMORY = 2;
  private static final int SEQUENTIAL = 3;
  private static final int NO_CACHE = 4;

  /** What a variant computed: the pipeline's two targets. */
  private record Answer(Totals totals, List<JarStat> largest) {}

  private JarStatsWorkload() {}

  /** Runs the rounds; the optional arguments are the number of rounds and the directory. */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be 1 or more, not " + rounds);
    }
    Path directory = args.length > 1 ? Path.of(args[1]) : JarStatsMain.localRepository();
    int processors = Runtime.getRuntime().availableProcessors();
    List<Jar> jars = new JarStats().jars(directory);
    long bytes = jars.stream().mapToLong(Jar::size).sum();
    System.out.printf(Locale.ROOT, "Jar statistics over %s: %,d jars, %,d bytes (%.1f MB); "
        + "%d processors, Weft parallelism %d; %d rounds; load average %s%n", directory,
        jars.size(), bytes, bytes / 1e6, processors, processors, rounds, loadAverage());

    double[][] millis = new double[VARIANTS.length][rounds];
    int compared = 0;
    int failed = 0;
    Answer last = null;
    for (int round = 0; round < rounds; round++) {
      List<Jar> before = new JarStats().jars(directory);
      if (round < 2) {
        System.out.println("Before round " + (round + 1) + ": "
            + resident(before, before.stream().mapToLong(Jar::size).sum()));
      }
      Answer[] answers = new Answer[VARIANTS.length];
      List<String> problems = new ArrayList<>();
      Path cacheDir = Files.createTempDirectory("weft-jar-stats-");
      try {
        runAll(directory, cacheDir, processors, answers, problems, millis, round);
      } finally {
        deleteTree(cacheDir);
      }
      String check;
      if (!new JarStats().jars(directory).equals(before)) {
        // A build installed or removed a jar: the variants read different repositories.
        check = "the repository changed during the round: not compared";
      } else if (!problems.isEmpty()) {
        check = "NOT AS EXPECTED: " + String.join("; ", problems);
        failed++;
      } else if (Arrays.stream(answers).allMatch(a -> a.equals(answers[0]))) {
        check = "all variants agree";
        compared++;
      } else {
        StringBuilder totals = new StringBuilder("VARIANTS DISAGREE:");
        for (int v = 0; v < VARIANTS.length; v++) {
          totals.append("\n  ").append(VARIANTS[v]).append(": ").append(answers[v].totals());
        }
        check = totals.toString();
        failed++;
      }
      last = answers[SEQUENTIAL];
      printRound(round, millis, check);
    }
    summary(millis, rounds);
    Totals totals = last.totals();
    System.out.printf(Locale.ROOT, "Totals: %,d jars (%,d read), %,d entries, %,d classes, "
        + "%,d class bytes, %,d multi-release jars; all variants agreed in %d of %d rounds%s%n",
        totals.jars(), totals.readable(), totals.entries(), totals.classes(),
        totals.classBytes(), totals.multiRelease(), compared, rounds,
        failed == 0 ? "" : "; " + failed + " FAILED");
    System.out.println("Load average at the end: " + loadAverage());
    System.exit(failed == 0 ? 0 : 1); // the engines' threads are stopped; don't wait on stragglers
  }

  /** One round: every variant once, in the order of {@link #VARIANTS}. */
  private static void runAll(Path directory, Path cacheDir, int processors, Answer[] answers,
      List<String> problems, double[][] millis, int round) throws IOException {
    weftRuns(directory, cacheDir, processors, answers, problems, millis, round);
    long start = System.nanoTime();
    answers[SEQUENTIAL] = sequential(directory);
    millis[SEQUENTIAL][round] = (System.nanoTime() - start) / 1e6;
    start = System.nanoTime();
    try (Weft weft = Weft.builder().parallelism(processors).caching(false).build()) {
      answers[NO_CACHE] = answer(weft, directory, Status.EXECUTED, "caching off", problems);
    }
    millis[NO_CACHE][round] = (System.nanoTime() - start) / 1e6;
  }

  /** Weft cold, warm from disk, warm from memory, in that order, on one cache directory. */
  private static void weftRuns(Path directory, Path cacheDir, int processors, Answer[] answers,
      List<String> problems, double[][] millis, int round) {
    long start = System.nanoTime();
    try (Weft weft = Weft.builder().parallelism(processors).cacheDir(cacheDir).build()) {
      answers[COLD] = answer(weft, directory, Status.EXECUTED, "new", problems);
    }
    millis[COLD][round] = (System.nanoTime() - start) / 1e6;

    start = System.nanoTime();
    Weft weft = Weft.builder().parallelism(processors).cacheDir(cacheDir).build();
    try (weft) {
      answers[DISK] = answer(weft, directory, Status.DISK_HIT, "unchanged", problems);
      millis[DISK][round] = (System.nanoTime() - start) / 1e6;

      start = System.nanoTime();
      answers[MEMORY] = answer(weft, directory, Status.MEMORY_HIT, "unchanged", problems);
      millis[MEMORY][round] = (System.nanoTime() - start) / 1e6;
    }
  }

  /**
   * Runs the pipeline; checks that its targets came as the variant's name says (executed, from
   * disk, from memory), so that a variant cannot silently measure something else, adding to
   * {@code problems} what did not.
   */
  private static Answer answer(Weft weft, Path directory, Status expected, String reason,
      List<String> problems) {
    Flow flow = JarStatsFlow.of(new JarStats());
    RunResult result = JarStatsMain.jarStats(weft, flow, directory, TOP);
    for (String target : List.of("totals", "largest")) {
      TaskOutcome outcome = result.outcome(target);
      if (outcome.status() != expected || !outcome.reason().startsWith(reason)) {
        problems.add("expected " + target + " " + expected + " (" + reason + "), got "
            + outcome.status() + " (" + outcome.reason() + ")");
      }
    }
    return new Answer(result.get(JarStatsFlow.TOTALS), result.get(JarStatsFlow.LARGEST));
  }

  /** The same statistics without Weft: the task methods called in a loop, on this thread. */
  private static Answer sequential(Path directory) throws IOException {
    JarStats tasks = new JarStats();
    List<Jar> jars = tasks.jars(directory);
    List<JarStat> stats = new ArrayList<>(jars.size());
    for (Jar jar : jars) {
      stats.add(tasks.stats(jar));
    }
    return new Answer(tasks.totals(stats), tasks.largest(stats, TOP));
  }

  private static void printRound(int round, double[][] millis, String check) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %2d:", round + 1));
    for (int v = 0; v < VARIANTS.length; v++) {
      line.append(String.format(Locale.ROOT, "  %s %,.0f ms", VARIANTS[v], millis[v][round]));
    }
    System.out.println(line.append("; ").append(check));
  }

  private static void summary(double[][] millis, int rounds) {
    System.out.println();
    System.out.println("Round 1 (first pass, JIT cold; weft cold went first, see the page cache"
        + " above):");
    for (int v = 0; v < VARIANTS.length; v++) {
      System.out.printf(Locale.ROOT, "  %-17s %,9.0f ms%n", VARIANTS[v], millis[v][0]);
    }
    if (rounds < 2) {
      return;
    }
    System.out.printf(Locale.ROOT, "Medians of rounds 2-%d (jars in the page cache):%n", rounds);
    double[][] later = new double[VARIANTS.length][];
    for (int v = 0; v < VARIANTS.length; v++) {
      later[v] = Arrays.copyOfRange(millis[v], 1, rounds);
      System.out.printf(Locale.ROOT, "  %-17s %,9.1f ms  (min %,.1f, max %,.1f)%n", VARIANTS[v],
          median(later[v]), Arrays.stream(later[v]).min().orElseThrow(),
          Arrays.stream(later[v]).max().orElseThrow());
    }
    System.out.println("Ratios, medians of the per-round ratios of rounds 2 and later:");
    ratio("sequential / weft no cache", "parallel speedup", later[SEQUENTIAL], later[NO_CACHE]);
    ratio("sequential / weft cold", "speedup, storing results", later[SEQUENTIAL], later[COLD]);
    ratio("weft cold / weft no cache", "cost of the cold cache", later[COLD], later[NO_CACHE]);
    ratio("weft cold / weft warm disk", "rerun in a new JVM", later[COLD], later[DISK]);
    ratio("weft cold / weft warm memory", "rerun in the same JVM", later[COLD], later[MEMORY]);
    ratio("sequential / weft warm disk", "", later[SEQUENTIAL], later[DISK]);
  }

  private static void ratio(String name, String meaning, double[] numerator,
      double[] denominator) {
    double[] ratios = new double[numerator.length];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = numerator[i] / denominator[i];
    }
    System.out.printf(Locale.ROOT, "  %-30s %8.2f%s%n", name, median(ratios),
        meaning.isEmpty() ? "" : "  (" + meaning + ")");
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /**
   * How many of the jars' bytes are in the page cache, as {@code fincore} (util-linux) tells from
   * {@code mincore(2)}, which reads nothing; a note instead when it cannot be run.
   */
  private static String resident(List<Jar> jars, long bytes) {
    List<String> command = new ArrayList<>(List.of("fincore", "--bytes", "--noheadings",
        "--output", "RES"));
    jars.forEach(jar -> command.add(jar.path().toString()));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      long resident = 0;
      try (Stream<String> lines = process.inputReader().lines()) {
        for (String line : (Iterable<String>) lines::iterator) {
          if (!line.isBlank()) {
            resident += Long.parseLong(line.strip());
          }
        }
      }
      if (process.waitFor() != 0) {
        return "page cache unknown (fincore exited with status " + process.exitValue() + ")";
      }
      return String.format(Locale.ROOT, "%.1f MB of the jars' %.1f MB in the page cache (%.0f %%)",
          resident / 1e6, bytes / 1e6, 100.0 * resident / Math.max(1, bytes));
    } catch (IOException | NumberFormatException e) {
      return "page cache unknown (fincore: " + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "page cache unknown (interrupted)";
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }
}
