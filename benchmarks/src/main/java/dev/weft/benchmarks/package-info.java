/**
 * The JMH suite. The scheduler ({@code SchedulingOverhead}, {@code ParallelSpeedup}, with
 * {@code caching(false)}) is measured against hand-wired {@code CompletableFuture} graphs and
 * sequential calls, with the same task bodies and the same number of workers in one JVM; the
 * caches ({@code CachingColdRun}, {@code CachingWarmRun}, {@code CachingLargeGraph},
 * {@code CachingHashing}) against the same runs without caches, on the realistic
 * {@link dev.weft.benchmarks.Pipeline} and on large graphs of tiny tasks. The figures to compare
 * are ratios from one run; {@code Paired} and {@code CachingPaired} take them in alternating
 * rounds. Built into {@code benchmarks.jar} by {@code mvn package}; never run by the tests. See
 * {@code benchmarks/README.md} for the commands and {@code docs/benchmarks.md} for the results.
 */
package dev.weft.benchmarks;
