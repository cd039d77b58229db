/**
 * The JMH suite. The scheduler ({@code SchedulingOverhead}, {@code ParallelSpeedup}, with
 * {@code caching(false)}) is measured against hand-wired {@code CompletableFuture} graphs and
 * sequential calls, with the same task bodies and the same number of workers in one JVM; the
 * caches ({@code CachingColdRun}, {@code CachingWarmRun}, {@code CachingLargeGraph},
 * {@code CachingHashing}) against the same runs without caches, on the realistic
 * {@link dev.weft.benchmarks.Pipeline} and on large graphs of tiny tasks. The graph shapes of
 * Taskflow's and Task Bench's suites ({@code ShapeChain}, {@code ShapeWide}, {@code ShapeTree},
 * {@code ShapeWavefront}, {@code ShapeRandomDag}, each a {@link dev.weft.benchmarks.Dag}) run on
 * Weft, {@code CompletableFuture} and sequential calls, and {@code ShapeProducers} adds Dagger
 * Producers on graphs of about 200 nodes ({@link dev.weft.benchmarks.producers});
 * {@code Granularity} and {@code MemoryPerNode} print the smallest efficient task and the heap
 * per node. The figures to compare are ratios from one run; {@code Paired} and {@code CachingPaired} take them in alternating
 * rounds. Built into {@code benchmarks.jar} by {@code mvn package}; never run by the tests. See
 * {@code benchmarks/README.md} for the commands and {@code docs/benchmarks.md} for the results.
 */
package dev.weft.benchmarks;
