package dev.weft.examples.montecarlo;

import dev.weft.Each;
import dev.weft.Input;
import dev.weft.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A Monte Carlo estimate of π as a Weft pipeline: split the samples into chunks, each with its own
 * seed; count, once per chunk and in parallel, the random points of the unit square that fall
 * inside the quarter circle; add the counts up.
 *
 * <p>The estimate depends only on the inputs {@code samples}, {@code chunkCount} and {@code
 * seed}: the chunk seeds come from one {@link SplittableRandom} seeded with {@code seed}, and each
 * chunk draws from a generator of its own, so neither the number of worker threads nor the order
 * in which the chunks run changes the result.
 */
public class PiEstimate {
  /**
   * The chunks: {@code samples} split as evenly as possible into {@code chunkCount} parts (the
   * first {@code samples % chunkCount} one larger), the {@code i}-th seeded with the {@code i}-th
   * {@code nextLong()} of a generator seeded with {@code seed}.
   */
  @Task
  public List<Chunk> chunks(@Input long samples, @Input int chunkCount, @Input long seed) {
    if (samples < 1 || chunkCount < 1 || chunkCount > samples) {
      throw new IllegalArgumentException("need 1 <= chunkCount <= samples, not " + chunkCount
          + " chunks of " + samples + " samples");
    }
    SplittableRandom seeds = new SplittableRandom(seed);
    List<Chunk> chunks = new ArrayList<>(chunkCount);
    for (int i = 0; i < chunkCount; i++) {
      chunks.add(new Chunk(i, seeds.nextLong(),
          samples / chunkCount + (i < samples % chunkCount ? 1 : 0)));
    }
    return chunks;
  }

  /**
   * How many of the chunk's points {@code (x, y)}, both drawn uniformly from [0, 1), have
   * {@code x² + y² < 1}; runs once per chunk, in parallel.
   */
  @Task
  public long inside(@Each("chunks") Chunk chunk) {
    SplittableRandom random = new SplittableRandom(chunk.seed());
    long inside = 0;
    for (long i = 0; i < chunk.samples(); i++) {
      double x = random.nextDouble();
      double y = random.nextDouble();
      if (x * x + y * y < 1) {
        inside++;
      }
    }
    return inside;
  }

  /** The counts of every chunk added up. */
  @Task
  public Estimate estimate(List<Long> inside, @Input long samples) {
    return new Estimate(samples, inside.stream().mapToLong(Long::longValue).sum());
  }
}
