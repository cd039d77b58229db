package dev.weft.examples.jars;

import java.util.ArrayList;
import java.util.List;

/**
 * The statistics of every jar added up. The counts are of the jars that were read; those that
 * could not be read are counted in {@link #jars()} and {@link #bytes()} and listed in {@link
 * #unreadable()}.
 *
 * @param jars how many jars were listed, readable or not
 * @param bytes their size on disk, in bytes
 * @param entries how many entries the readable jars have
 * @param classes how many of those entries are classes
 * @param classBytes the classes' uncompressed size, in bytes
 * @param multiRelease how many readable jars are multi-release jars
 * @param unreadable the jars that could not be read, in the order they were listed, each with why
 */
public record Totals(int jars, long bytes, long entries, long classes, long classBytes,
    int multiRelease, List<JarStat> unreadable) {
  /** Adds up {@code stats}. */
  static Totals of(List<JarStat> stats) {
    long bytes = 0;
    long entries = 0;
    long classes = 0;
    long classBytes = 0;
    int multiRelease = 0;
    List<JarStat> unreadable = new ArrayList<>();
    for (JarStat jar : stats) {
      bytes += jar.size();
      if (!jar.readable()) {
        unreadable.add(jar);
        continue;
      }
      entries += jar.entries();
      classes += jar.classes();
      classBytes += jar.classBytes();
      multiRelease += jar.multiRelease() ? 1 : 0;
    }
    return new Totals(stats.size(), bytes, entries, classes, classBytes, multiRelease,
        List.copyOf(unreadable));
  }

  /** How many jars were read. */
  public int readable() {
    return jars - unreadable.size();
  }
}
