package dev.weft.examples.montecarlo;

/**
 * An estimate of π: {@code inside} of {@code samples} random points of the unit square fell inside
 * the quarter circle of radius 1, whose area is π/4.
 *
 * @param samples how many points were drawn
 * @param inside how many of them fell inside the quarter circle
 */
public record Estimate(long samples, long inside) {
  /** The estimate: four times the fraction of the points inside the quarter circle. */
  public double pi() {
    return 4.0 * inside / samples;
  }

  /**
   * The standard error of the estimate, {@code 4·sqrt(p(1-p)/n)} with {@code p} the fraction
   * inside: about two estimates in three fall within it of π.
   */
  public double standardError() {
    double p = (double) inside / samples;
    return 4 * Math.sqrt(p * (1 - p) / samples);
  }
}
