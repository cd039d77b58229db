/**
 * Statistics over every jar under a directory — by default the local Maven repository — as a
 * Weft pipeline whose fan-out has one element per jar: {@link dev.weft.examples.jars.JarStats}
 * declares the tasks, {@link dev.weft.examples.jars.JarStatsMain} runs them, and a rerun opens
 * only the jars that changed. The benchmarks time the same pipeline as a real, I/O-bound
 * workload.
 */
package dev.weft.examples.jars;
