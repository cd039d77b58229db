package dev.weft.engine.store;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The failures of one {@link DiskStore#clear()} or {@link DiskStore#prune(long)}: a file that
 * cannot be removed must not stop the removal of the others, so each operation on a file runs
 * through {@link #test} or {@link #run}, and the failures are reported together at the end.
 * Used by one thread at a time.
 */
final class Failures {
  /** An operation on one file, with a result. */
  interface FileOperation {
    boolean apply() throws IOException;
  }

  /** An operation on one file, without one. */
  interface FileAction {
    void apply() throws IOException;
  }

  private @Nullable IOException first;
  private int count;

  /** The operation's result, or false if it failed. */
  boolean test(FileOperation operation) {
    try {
      return operation.apply();
    } catch (IOException e) {
      count++;
      if (first == null) {
        first = e;
      }
      return false;
    }
  }

  /** Runs the action, noting its failure if it fails. */
  void run(FileAction action) {
    test(() -> {
      action.apply();
      return true;
    });
  }

  /** Throws an exception that counts the failures and carries the first, if there were any. */
  void throwIfAny(String operation) throws IOException {
    IOException cause = first;
    if (cause != null) {
      throw new IOException(operation + " could not remove " + count + " file"
          + (count == 1 ? "" : "s") + "; the first: " + Counters.describe(cause), cause);
    }
  }
}
