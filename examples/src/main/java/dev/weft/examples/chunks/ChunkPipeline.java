package dev.weft.examples.chunks;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.Flow;
import dev.weft.engine.FlowBuilder;
import dev.weft.engine.Key;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The chunk pipeline, composed in code with {@link FlowBuilder}: cut a file into chunks, summarize
 * each chunk in parallel, combine the summaries.
 *
 * <pre>
 * file, count ──▶ chunks ──▶ summaries (once per chunk, in parallel) ──▶ whole
 * </pre>
 *
 * <p>It is Python's
 *
 * <pre>{@code
 * with Pool() as pool:
 *     summaries = pool.map(summarize, chunks(file, count))
 * whole = combine(summaries)
 * }</pre>
 *
 * <p>with {@link FlowBuilder#each} in place of {@code pool.map}: {@link #summarize} runs once per
 * chunk, on the engine's worker threads, and the task's value is the list of the results in chunk
 * order. Each worker reads its own range of the file, so nothing but the small summaries moves
 * between threads — where a process pool pickles every chunk to send it to a worker.
 *
 * <p>The tasks are static methods, so their cache keys cover their code and nothing they
 * captured. A chunk names its file by path, so its fingerprint covers the file's size and
 * modification time: in a {@code Weft} that caches, a changed file is read again.
 */
final class ChunkPipeline {
  /** Bytes read at a time by one chunk's worker. */
  private static final int BUFFER = 1 << 20;

  /** The flow; {@link #FILE} and {@link #COUNT} are its inputs. */
  static final Flow FLOW;
  /** Input: the file to summarize. */
  static final Key<Path> FILE;
  /** Input: how many chunks to cut it into. */
  static final Key<Integer> COUNT;
  /** The chunks, in file order. */
  static final Key<List<Chunk>> CHUNKS;
  /** The summary of each chunk, in chunk order. */
  static final Key<List<ChunkSummary>> SUMMARIES;
  /** The summary of the whole file, combined from the chunks'. */
  static final Key<ChunkSummary> WHOLE;

  static {
    FlowBuilder flow = Flow.builder("dev.weft.examples.chunks.ChunkPipeline");
    FILE = flow.input("file", Path.class);
    COUNT = flow.input("count", Integer.class);
    CHUNKS = flow.task("chunks", chunkList(), ChunkPipeline::split, FILE, COUNT);
    SUMMARIES = flow.each("summaries", TypeToken.of(ChunkSummary.class),
        ChunkPipeline::summarize, CHUNKS);
    WHOLE = flow.task("whole", TypeToken.of(ChunkSummary.class), ChunkPipeline::combine,
        SUMMARIES);
    FLOW = flow.build();
  }

  private ChunkPipeline() {}

  @SuppressWarnings("serial") // a type capture, never serialized
  private static TypeToken<List<Chunk>> chunkList() {
    return new TypeToken<List<Chunk>>() {};
  }

  /**
   * Cuts {@code file} into {@code count} chunks whose lengths differ by at most one byte; when the
   * file has fewer bytes than that, some chunks are empty.
   */
  static List<Chunk> split(Path file, int count) throws IOException {
    if (count < 1) {
      throw new IllegalArgumentException("a file is cut into 1 chunk or more, not " + count);
    }
    long size = Files.size(file);
    List<Chunk> chunks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long start = boundary(size, count, i);
      chunks.add(new Chunk(i, file, start, boundary(size, count, i + 1) - start));
    }
    return chunks;
  }

  /** floor(size · i / count), without overflow for any file size. */
  private static long boundary(long size, int count, int i) {
    return size / count * i + size % count * i / count;
  }

  /** Reads one chunk and summarizes it: its CRC-32 and how often each byte value occurs. */
  static ChunkSummary summarize(Chunk chunk) throws IOException {
    CRC32 crc = new CRC32();
    long[] histogram = new long[256];
    try (FileChannel channel = FileChannel.open(chunk.file(), StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BUFFER, Math.max(1, chunk.length())));
      byte[] bytes = buffer.array();
      long position = chunk.offset();
      long end = chunk.offset() + chunk.length();
      while (position < end) {
        buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
        int read = channel.read(buffer, position);
        if (read < 0) {
          throw new IOException(chunk.file() + " ended at byte " + position + ", inside chunk "
              + chunk.index() + " (bytes " + chunk.offset() + " to " + end + "): it was"
              + " truncated while being read");
        }
        crc.update(bytes, 0, read);
        for (int i = 0; i < read; i++) {
          histogram[bytes[i] & 0xff]++;
        }
        position += read;
      }
    }
    return new ChunkSummary(chunk.offset(), chunk.length(), crc.getValue(), boxed(histogram));
  }

  /**
   * The summary of consecutive ranges, given in order: their lengths and histograms added up,
   * their CRC-32s combined with {@link Crc32Combine}.
   */
  static ChunkSummary combine(List<ChunkSummary> summaries) {
    long offset = summaries.isEmpty() ? 0 : summaries.get(0).offset();
    long length = 0;
    long crc = 0; // the CRC-32 of no bytes
    long[] histogram = new long[256];
    for (ChunkSummary summary : summaries) {
      if (summary.offset() != offset + length) {
        throw new IllegalArgumentException("the summary of bytes " + summary.offset() + " to "
            + (summary.offset() + summary.length()) + " does not follow on from byte "
            + (offset + length) + "; combine the chunks' summaries in file order");
      }
      crc = Crc32Combine.combine(crc, summary.crc32(), summary.length());
      length += summary.length();
      for (int b = 0; b < histogram.length; b++) {
        histogram[b] += summary.histogram().get(b);
      }
    }
    return new ChunkSummary(offset, length, crc, boxed(histogram));
  }

  private static List<Long> boxed(long[] counts) {
    return Arrays.stream(counts).boxed().toList();
  }
}
