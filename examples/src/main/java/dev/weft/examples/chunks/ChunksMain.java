package dev.weft.examples.chunks;

import dev.weft.engine.ConsoleProgress;
import dev.weft.engine.Inputs;
import dev.weft.engine.RunListener;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskFailedException;
import dev.weft.engine.Weft;
import dev.weft.examples.common.CommandLine;
import dev.weft.examples.common.UsageException;
import dev.weft.examples.common.ValueOption;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Summarizes a large file in parallel chunks — Python's {@code Pool.map} over data chunks — with
 * the flow of {@link ChunkPipeline}: cuts the file into chunks, computes each chunk's CRC-32, byte
 * histogram and newline count on the engine's worker threads, and combines them into the whole
 * file's. It also reads the file in one pass, to show that the combined result is the same, and
 * prints how long each way took.
 *
 * <pre>
 * ChunksMain [--workers N] [file] [chunks]
 *     summarize file (default: the JDK's own $JAVA_HOME/lib/modules, some 130 MB) in chunks
 *     chunks (default 16, at most 10,000) on N worker threads (default: one per processor)
 * </pre>
 *
 * <p>From the repository's root, through Maven:
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexample.main=dev.weft.examples.chunks.ChunksMain
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexample.main=dev.weft.examples.chunks.ChunksMain -Dexec.args="--workers 4 /path/to/file 64"
 * </pre>
 *
 * <p>Results go to standard output; progress (from {@link ConsoleProgress}) and errors to
 * standard error. Exit status: 0 on success, 1 if a task failed or the two results differ, 2 for
 * bad arguments or a file that cannot be read.
 */
public final class ChunksMain {
  /** The default file: one that every JDK has, large enough for chunks to matter. */
  static final Path DEFAULT_FILE = Path.of(System.getProperty("java.home"), "lib", "modules");
  static final int DEFAULT_CHUNKS = 16;
  static final int MAX_CHUNKS = 10_000;
  private static final String USAGE = String.join("\n",
      "usage: ChunksMain [--workers N] [file] [chunks]",
      "Cuts file (default " + DEFAULT_FILE + ") into chunks (default " + DEFAULT_CHUNKS + ", at"
          + " most " + MAX_CHUNKS + ") and computes each chunk's CRC-32, byte histogram and"
          + " newlines in parallel, then the whole file's from them.",
      "  --workers N  run N chunks at a time (default: one per processor)");

  private ChunksMain() {}

  /** Runs the example with the command line's arguments; exits with the status of {@code run}. */
  public static void main(String[] args) {
    CommandLine.exit(run(args, System.out, System.err, ConsoleProgress.create()));
  }

  /** What the command line asks for; {@code workers} is 0 for one per processor. */
  record Options(Path file, int chunks, int workers) {}

  /**
   * Does what {@code main} does, writing results to {@code out}, errors to {@code err} and
   * progress to {@code progress}; returns the exit status.
   */
  static int run(String[] args, PrintStream out, PrintStream err, RunListener progress) {
    return CommandLine.run(args, USAGE, out, err, ChunksMain::parse,
        options -> run(options, out, err, progress));
  }

  private static int run(Options options, PrintStream out, PrintStream err,
      RunListener progress) {
    Path file = options.file();
    // Whether it may be read is left to reading it: one check, made when it counts.
    if (!Files.isRegularFile(file)) {
      err.println("error: " + file.toAbsolutePath() + (Files.exists(file)
          ? " is not a readable file" : " does not exist") + "; pass a file to summarize");
      return 2;
    }

    Weft.Builder builder = Weft.builder().listener(progress);
    if (options.workers() > 0) {
      builder.parallelism(options.workers());
    }
    try (Weft weft = builder.build()) {
      // The one pass first: it leaves the file in the page cache and the loop compiled for the
      // chunks too, so the two times compare the work, not a cold start.
      long start = System.nanoTime();
      ChunkSummary onePass = ChunkPipeline.summarize(new Chunk(0, file, 0, Files.size(file)));
      long onePassNanos = System.nanoTime() - start;

      start = System.nanoTime();
      RunResult result = weft.run(ChunkPipeline.FLOW,
          Inputs.of(ChunkPipeline.FILE, file).and(ChunkPipeline.COUNT, options.chunks()),
          ChunkPipeline.SUMMARIES, ChunkPipeline.WHOLE);
      long parallelNanos = System.nanoTime() - start;
      List<ChunkSummary> chunks = result.get(ChunkPipeline.SUMMARIES);
      ChunkSummary whole = result.get(ChunkPipeline.WHOLE);

      out.printf(Locale.ROOT, "%s: %,d bytes in %d chunks, on %d worker %s%n", file,
          whole.length(), chunks.size(), weft.parallelism(),
          weft.parallelism() == 1 ? "thread" : "threads");
      for (String line : table(chunks, whole)) {
        out.println(line);
      }
      if (!onePass.equals(whole)) {
        err.printf(Locale.ROOT, "error: one pass over the whole file gives %,d bytes, crc32 %08x"
                + " and %,d newlines; the chunks combined give %,d bytes, crc32 %08x and %,d"
                + " newlines (did the file change while it was read?)%n", onePass.length(),
            onePass.crc32(), onePass.newlines(), whole.length(), whole.crc32(), whole.newlines());
        return 1;
      }
      out.printf(Locale.ROOT, "One pass over the whole file gives the same: crc32 %08x, %,d"
          + " newlines, the same count of every byte value%n", onePass.crc32(), onePass.newlines());
      out.printf(Locale.ROOT, "Time: %.2f s in one pass, %.2f s in %d chunks on %d %s%n",
          onePassNanos / 1e9, parallelNanos / 1e9, chunks.size(), weft.parallelism(),
          weft.parallelism() == 1 ? "thread" : "threads");
      return 0;
    } catch (TaskFailedException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("error: cannot read " + file.toAbsolutePath() + " ("
          + (e instanceof AccessDeniedException ? "permission denied" : e.toString())
          + "); pass a file to summarize");
      return 2;
    }
  }

  /** A line per chunk, then one for the whole file. */
  static List<String> table(List<ChunkSummary> chunks, ChunkSummary whole) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "  %5s  %13s  %13s  %8s  %11s  %s", "chunk", "offset",
        "bytes", "crc32", "newlines", "commonest byte"));
    for (int i = 0; i < chunks.size(); i++) {
      lines.add(row(Integer.toString(i), chunks.get(i)));
    }
    lines.add(row("whole", whole));
    return lines;
  }

  private static String row(String label, ChunkSummary summary) {
    int commonest = summary.commonestByte();
    String share = summary.length() == 0 ? "" : String.format(Locale.ROOT, "0x%02x (%.1f %%)",
        commonest, 100.0 * summary.histogram().get(commonest) / summary.length());
    return String.format(Locale.ROOT, "  %5s  %,13d  %,13d  %08x  %,11d  %s", label,
        summary.offset(), summary.length(), summary.crc32(), summary.newlines(), share);
  }

  /** Reads the options, then up to two words: the file and the number of chunks. */
  static Options parse(String[] args) throws UsageException {
    ValueOption<Integer> workers = ValueOption.workers(0);
    List<String> words = CommandLine.words(args, 2, workers);
    Path file = words.isEmpty() ? DEFAULT_FILE : Path.of(words.get(0));
    int chunks = words.size() < 2
        ? DEFAULT_CHUNKS : (int) CommandLine.wholeNumber("chunks", words.get(1), MAX_CHUNKS);
    return new Options(file, chunks, workers.value());
  }
}
