package dev.weft.examples.chunks;

import java.util.List;

/**
 * What {@link ChunkPipeline} computes over a range of bytes — one chunk, or the whole file once
 * the chunks' summaries are combined.
 *
 * @param offset where the range starts in the file
 * @param length how many bytes it has
 * @param crc32 the CRC-32 of those bytes, as {@link java.util.zip.CRC32#getValue()} gives it
 * @param histogram how many times each byte value occurs: 256 counts, for bytes 0x00 to 0xff
 */
public record ChunkSummary(long offset, long length, long crc32, List<Long> histogram) {
  /** How many newline bytes ({@code '\n'}) the range has: its lines, as {@code wc -l} counts. */
  public long newlines() {
    return histogram.get('\n');
  }

  /** The byte value that occurs most often (the lowest of a tie); 0 for an empty range. */
  public int commonestByte() {
    int commonest = 0;
    for (int b = 1; b < histogram.size(); b++) {
      if (histogram.get(b) > histogram.get(commonest)) {
        commonest = b;
      }
    }
    return commonest;
  }
}
