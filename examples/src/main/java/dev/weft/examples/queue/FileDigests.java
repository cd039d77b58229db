package dev.weft.examples.queue;

import dev.weft.Each;
import dev.weft.Input;
import dev.weft.Task;
import dev.weft.examples.common.DirectoryWalk;
import dev.weft.examples.common.UnlistableDirectoryException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A queue of jobs, one per file under a directory, served by a fixed number of workers. In Python
 * this is a {@code multiprocessing.Queue} filled with the paths and {@code n} worker processes
 * that loop on {@code queue.get()} until a sentinel, putting results on a second queue; here
 * {@link #jobs} fills the queue, {@link #digest} is the job, and the engine's worker threads —
 * {@code Weft.builder().parallelism(n)} of them — are the workers: each takes the next ready
 * element as soon as it is free, and the results come back in the order of the jobs.
 *
 * <p>The annotation processor checks this graph when the class compiles and generates {@code
 * FileDigestsFlow}, with a typed key per task and input.
 */
public class FileDigests {
  private static final int BUFFER = 64 * 1024;

  /**
   * Every regular file under {@code root}, in path order: the queue of jobs.
   *
   * @throws UnlistableDirectoryException if a directory under {@code root} cannot be listed
   */
  @Task
  public List<Path> jobs(@Input Path root) throws IOException {
    return DirectoryWalk.regularFiles(root);
  }

  /**
   * One job: the SHA-256 and line count of {@code file}, in one pass over it. Runs once per file,
   * on whichever worker is free, and tells {@code tally} when it starts and ends.
   */
  @Task
  public Digest digest(@Each("jobs") Path file, @Input(key = false) WorkerTally tally)
      throws IOException {
    tally.started();
    try {
      MessageDigest sha256 = sha256();
      byte[] buffer = new byte[BUFFER];
      long bytes = 0;
      long lines = 0;
      try (InputStream in = Files.newInputStream(file)) {
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
          sha256.update(buffer, 0, read);
          for (int i = 0; i < read; i++) {
            lines += buffer[i] == '\n' ? 1 : 0;
          }
          bytes += read;
        }
      }
      return new Digest(file, bytes, lines, HexFormat.of().formatHex(sha256.digest()));
    } finally {
      tally.finished();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform has SHA-256", e);
    }
  }
}
