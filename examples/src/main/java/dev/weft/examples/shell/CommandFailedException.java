package dev.weft.examples.shell;

import java.io.IOException;

/**
 * An external command exited with a status other than 0. The message names the command line, the
 * status and what the command wrote to standard error.
 */
public final class CommandFailedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;

  CommandFailedException(String commandLine, int status, String stderr) {
    super("command `" + commandLine + "` exited with status " + status + ": "
        + (stderr.isBlank() ? "(nothing on standard error)" : stderr.strip()));
    this.status = status;
  }

  /** The command's exit status. */
  public int status() {
    return status;
  }
}
