package dev.weft.examples.chunks;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.weft.engine.ConsoleProgress;
import dev.weft.engine.Inputs;
import dev.weft.engine.Weft;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunksMainTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  private int run(String... args) {
    return ChunksMain.run(args, new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8),
        ConsoleProgress.create(new PrintStream(progress, true, UTF_8), false));
  }

  private List<String> outLines() {
    return out.toString(UTF_8).lines().toList();
  }

  /** Random bytes, with more newlines and zeros than chance would give. */
  private static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    Random random = new Random(seed);
    random.nextBytes(bytes);
    for (int i = 0; i < size; i += 1 + random.nextInt(40)) {
      bytes[i] = random.nextBoolean() ? (byte) '\n' : 0;
    }
    return bytes;
  }

  private static long crc32(byte[] bytes, int from, int to) {
    CRC32 crc = new CRC32();
    crc.update(bytes, from, to - from);
    return crc.getValue();
  }

  private static long newlines(byte[] bytes, int from, int to) {
    long count = 0;
    for (int i = from; i < to; i++) {
      count += bytes[i] == '\n' ? 1 : 0;
    }
    return count;
  }

  @Test
  void combinedResult_equalsAOnePassComputationOverTheFile() throws IOException {
    byte[] bytes = randomBytes(1_000_003, 7);
    Path file = Files.write(dir.resolve("data.bin"), bytes);

    int status = run("--workers", "3", file.toString(), "7");

    assertThat(err.toString(UTF_8)).isEmpty();
    assertThat(status).isEqualTo(0);
    List<String> lines = outLines();
    assertThat(lines.get(0)).isEqualTo(file + ": 1,000,003 bytes in 7 chunks, on 3 worker threads");
    assertThat(lines.get(1)).isEqualTo(
        "  chunk         offset          bytes     crc32     newlines  commonest byte");
    // 1,000,003 bytes in 7 chunks: lengths 142,857 or 142,858, boundaries at floor(size * i / 7).
    for (int i = 0; i < 7; i++) {
      int from = (int) (1_000_003L * i / 7);
      int to = (int) (1_000_003L * (i + 1) / 7);
      assertThat(lines.get(2 + i)).startsWith(String.format(Locale.ROOT,
          "  %5d  %,13d  %,13d  %08x  %,11d  0x", i, from, to - from, crc32(bytes, from, to),
          newlines(bytes, from, to)));
    }
    long crc = crc32(bytes, 0, bytes.length);
    long newlines = newlines(bytes, 0, bytes.length);
    assertThat(lines.get(9)).startsWith(String.format(Locale.ROOT,
        "  whole              0      1,000,003  %08x  %,11d  0x", crc, newlines));
    assertThat(lines.get(10)).isEqualTo(String.format(Locale.ROOT, "One pass over the whole file"
        + " gives the same: crc32 %08x, %,d newlines, the same count of every byte value", crc,
        newlines));
    assertThat(lines.get(11))
        .matches("Time: \\d+\\.\\d\\d s in one pass, \\d+\\.\\d\\d s in 7 chunks on 3 threads");
    assertThat(lines).hasSize(12);
    assertThat(progress.toString(UTF_8)).startsWith(
        "dev.weft.examples.chunks.ChunkPipeline: 3 tasks in ");
  }

  @Test
  void wholeSummary_hasTheByteCountsOfTheFile() throws IOException {
    byte[] bytes = randomBytes(200_000, 11);
    Path file = Files.write(dir.resolve("data.bin"), bytes);
    long[] expected = new long[256];
    for (byte b : bytes) {
      expected[b & 0xff]++;
    }

    ChunkSummary whole;
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      whole = weft.compute(ChunkPipeline.FLOW, ChunkPipeline.WHOLE,
          Inputs.of(ChunkPipeline.FILE, file).and(ChunkPipeline.COUNT, 5));
    }

    assertThat(whole.histogram()).containsExactlyElementsIn(
        Arrays.stream(expected).boxed().toList()).inOrder();
    assertThat(whole.crc32()).isEqualTo(crc32(bytes, 0, bytes.length));
  }

  @Test
  void moreChunksThanBytes_givesEmptyChunksAndTheRightWhole() throws IOException {
    Path file = Files.writeString(dir.resolve("short.txt"), "ab\nc\n");

    assertThat(run(file.toString(), "8")).isEqualTo(0);

    List<String> lines = outLines();
    assertThat(lines.get(0)).isEqualTo(file + ": 5 bytes in 8 chunks, on "
        + Runtime.getRuntime().availableProcessors() + " worker thread"
        + (Runtime.getRuntime().availableProcessors() == 1 ? "" : "s"));
    assertThat(lines.get(2)).isEqualTo(
        "      0              0              0  00000000            0  ");
    assertThat(lines.get(10)).startsWith(String.format(Locale.ROOT,
        "  whole              0              5  %08x            2  0x0a (40.0 %%)",
        crc32("ab\nc\n".getBytes(UTF_8), 0, 5)));
  }

  @Test
  void crc32Combine_givesTheCrcOfTheConcatenation() {
    Random random = new Random(3);
    for (int round = 0; round < 200; round++) {
      byte[] bytes = new byte[random.nextInt(5000)];
      random.nextBytes(bytes);
      int cut = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);

      long combined = Crc32Combine.combine(crc32(bytes, 0, cut), crc32(bytes, cut, bytes.length),
          bytes.length - cut);

      assertThat(combined).isEqualTo(crc32(bytes, 0, bytes.length));
    }
  }

  @Test
  void combine_rejectsSummariesOutOfOrder() throws IOException {
    Path file = Files.write(dir.resolve("data.bin"), randomBytes(1000, 5));
    List<ChunkSummary> summaries = List.of(
        ChunkPipeline.summarize(new Chunk(1, file, 500, 500)),
        ChunkPipeline.summarize(new Chunk(0, file, 0, 500)));

    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> ChunkPipeline.combine(summaries));

    assertThat(e).hasMessageThat().isEqualTo("the summary of bytes 0 to 500 does not follow on"
        + " from byte 1000; combine the chunks' summaries in file order");
  }

  @Test
  void noArguments_summarizeTheJdksModulesFileIn16Chunks() throws Exception {
    assertThat(ChunksMain.parse(new String[0])).isEqualTo(new ChunksMain.Options(
        Path.of(System.getProperty("java.home"), "lib", "modules"), 16, 0));
    assertThat(ChunksMain.parse(new String[] {"f", "3", "--workers=2"}))
        .isEqualTo(new ChunksMain.Options(Path.of("f"), 3, 2));
  }

  @Test
  void missingFile_saysSoAndExitsWith2() {
    Path missing = dir.resolve("nowhere.bin");

    assertThat(run(missing.toString())).isEqualTo(2);

    assertThat(err.toString(UTF_8)).isEqualTo("error: " + missing.toAbsolutePath()
        + " does not exist; pass a file to summarize\n");
    assertThat(out.toString(UTF_8)).isEmpty();
  }

  @Test
  void unreadableFile_saysSoAndExitsWith2() throws IOException {
    Path file = Files.writeString(dir.resolve("secret.bin"), "secret");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(file), "running as root, who can read any file");

    assertThat(run(file.toString())).isEqualTo(2);

    assertThat(err.toString(UTF_8)).isEqualTo("error: cannot read " + file.toAbsolutePath()
        + " (permission denied); pass a file to summarize\n");
    assertThat(out.toString(UTF_8)).isEmpty();
  }

  @Test
  void directory_isNotAReadableFile() {
    assertThat(run(dir.toString())).isEqualTo(2);

    assertThat(err.toString(UTF_8)).isEqualTo("error: " + dir.toAbsolutePath()
        + " is not a readable file; pass a file to summarize\n");
  }

  @Test
  void badChunkCount_isAUsageError() {
    assertThat(run("file", "0")).isEqualTo(2);

    assertThat(err.toString(UTF_8)).startsWith("error: chunks must be a whole number from 1 to"
        + " 10,000, not '0'\nusage: ChunksMain");
  }

  @Test
  void badWorkers_isAUsageError() {
    assertThat(run("--workers", "none")).isEqualTo(2);

    assertThat(err.toString(UTF_8)).startsWith(
        "error: --workers must be a whole number from 1 to 256, not 'none'\nusage: ChunksMain");
  }

  @Test
  void workersBeyondWhatThePoolCanStart_isAUsageError_notACrash() {
    // A ForkJoinPool refuses more than 32,767 threads: this used to end in an uncaught
    // IllegalArgumentException and a stack trace.
    assertThat(run("--workers", "40000")).isEqualTo(2);

    assertThat(err.toString(UTF_8)).startsWith(
        "error: --workers must be a whole number from 1 to 256, not '40000'\nusage: ChunksMain");
  }
}
