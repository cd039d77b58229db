/**
 * Monte Carlo estimate of π, split into chunks that run in parallel: the Weft counterpart of a
 * Python tutorial's {@code multiprocessing.Pool.map} over chunks of samples, timed against one
 * worker. See {@link dev.weft.examples.montecarlo.MonteCarloMain}.
 */
package dev.weft.examples.montecarlo;
