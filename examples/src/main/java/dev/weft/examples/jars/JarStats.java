package dev.weft.examples.jars;

import dev.weft.Each;
import dev.weft.Input;
import dev.weft.Task;
import dev.weft.examples.common.DirectoryWalk;
import dev.weft.examples.common.UnlistableDirectoryException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Statistics over every jar under a directory, as a Weft pipeline: list the jars, open each one
 * in parallel (one element of the {@code @Each} task {@code stats} per jar, each cached on its
 * own), then add the statistics up and pick the largest jars.
 *
 * <p>A jar that cannot be read is a result like the others, carrying its error (see {@link
 * JarStat}), not a failed task: a damaged download in a local Maven repository should cost one
 * line of the report, not the statistics of the other thousand jars. ({@code keepGoing} would
 * not give them: a fan-out with a failed element fails as a whole, and the totals that read it
 * would be skipped.)
 *
 * <p>The methods are plain methods, too: {@code JarStatsWorkload} in the benchmarks calls them in
 * a loop, without Weft, to time the same work sequentially. They keep no state, so one instance
 * serves every task of a run at once.
 */
public class JarStats {
  /**
   * The jars under {@code repository} (files whose name ends with {@code .jar}), sorted by path so
   * that every run lists them in the same order, each with its size and modification time.
   *
   * @throws UnlistableDirectoryException if a directory under {@code repository} cannot be listed
   */
  @Task
  public List<Jar> jars(@Input Path repository) throws IOException {
    List<Path> paths =
        DirectoryWalk.regularFiles(repository, p -> p.getFileName().toString().endsWith(".jar"));
    List<Jar> jars = new ArrayList<>(paths.size());
    for (Path path : paths) {
      jars.add(Jar.at(path));
    }
    return jars;
  }

  /**
   * What one jar holds, read in full (see {@link JarStat#read}); runs once per jar, in parallel.
   * Never throws for a bad jar: its result carries the error.
   */
  @Task
  public JarStat stats(@Each("jars") Jar jar) {
    return JarStat.read(jar);
  }

  /** The statistics of all jars added up, with the jars that could not be read. */
  @Task
  public Totals totals(List<JarStat> stats) {
    return Totals.of(stats);
  }

  /**
   * The {@code top} readable jars with the most class bytes, largest first; jars of equal size in
   * the order they were listed.
   */
  @Task
  public List<JarStat> largest(List<JarStat> stats, @Input int top) {
    return stats.stream()
        .filter(JarStat::readable)
        .sorted(Comparator.comparingLong(JarStat::classBytes).reversed())
        .limit(top)
        .collect(Collectors.toList());
  }
}
