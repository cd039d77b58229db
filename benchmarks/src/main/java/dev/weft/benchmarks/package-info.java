/**
 * The JMH suite: Weft's scheduler measured against hand-wired {@code CompletableFuture} graphs
 * and sequential calls, with the same task bodies and the same number of workers in one JVM, so
 * that the figures to compare are ratios from one run. Built into {@code benchmarks.jar} by
 * {@code mvn package}; never run by the tests. See {@code benchmarks/README.md} for the commands
 * and {@code docs/benchmarks.md} for the results.
 */
package dev.weft.benchmarks;
