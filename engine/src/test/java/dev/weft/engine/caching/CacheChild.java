package dev.weft.engine.caching;

import dev.weft.engine.Cache;
import dev.weft.engine.Inputs;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome;
import dev.weft.engine.Weft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The main class of the child JVMs of this package's tests. Runs one pipeline of {@link
 * CachePipelines} on a cache directory and prints, one per line: {@code outcome <task> <STATUS>
 * <reason>} for every task the run touched, {@code value <target's value>}, {@code stats
 * quarantined=<n> storeFailures=<n>} and finally {@code done}. Exits with 1 on any failure.
 *
 * <pre>
 * resume DIR N              the Resume pipeline, target report
 * shared DIR ROUNDS GOFILE  the Shared pipeline, target joined; says "ready", then waits for
 *                           GOFILE to exist before it runs; says "window START END", the
 *                           run's wall-clock times in milliseconds
 * big DIR SEED              the Big pipeline, target summary; the task says "writing" when its
 *                           value is made
 * </pre>
 */
public final class CacheChild {
  private CacheChild() {}

  public static void main(String[] args) throws Exception {
    try {
      run(args);
    } catch (Throwable e) {
      e.printStackTrace();
      System.out.flush();
      System.exit(1);
    }
    System.exit(0);
  }

  private static void run(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      RunResult result;
      Object value;
      switch (args[0]) {
        case "resume" -> {
          CachePipelines.Resume p = new CachePipelines.Resume();
          result = weft.run(p.flow, Inputs.of(p.n, Integer.parseInt(args[2])), p.report);
          value = result.get(p.report);
        }
        case "shared" -> {
          CachePipelines.Shared p = new CachePipelines.Shared();
          Path go = Path.of(args[3]);
          System.out.println("ready");
          System.out.flush();
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
          while (!Files.exists(go)) {
            if (System.nanoTime() > deadline) {
              throw new IllegalStateException("no go file " + go);
            }
            Thread.sleep(2);
          }
          long start = System.currentTimeMillis();
          result = weft.run(p.flow, Inputs.of(p.rounds, Integer.parseInt(args[2])), p.joined);
          value = result.get(p.joined);
          System.out.println("window " + start + " " + System.currentTimeMillis());
        }
        case "big" -> {
          CachePipelines.Big p = new CachePipelines.Big();
          result = weft.run(p.flow, Inputs.of(p.seed, Integer.parseInt(args[2])), p.summary);
          value = result.get(p.summary);
        }
        default -> throw new IllegalArgumentException("unknown mode " + args[0]);
      }
      for (TaskOutcome t : result.tasks()) {
        System.out.println("outcome " + t.name() + " " + t.status() + " " + t.reason());
      }
      System.out.println("value " + value);
      Cache.Stats stats = weft.cache().stats();
      System.out.println("stats quarantined=" + stats.quarantined()
          + " storeFailures=" + stats.storeFailures());
      System.out.println("done");
      System.out.flush();
    }
  }
}
