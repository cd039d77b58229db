package dev.weft.examples.montecarlo;

/**
 * One chunk of the samples: it draws {@code samples} points from a {@link
 * java.util.SplittableRandom} seeded with {@code seed}, so the chunk's count is the same whichever
 * thread, and in whichever order, it runs.
 *
 * @param index the chunk's position, from 0
 * @param seed the seed of the chunk's generator
 * @param samples how many points the chunk draws
 */
public record Chunk(int index, long seed, long samples) {}
