package dev.weft.examples.shell;

import dev.weft.Each;
import dev.weft.Input;
import dev.weft.Task;
import dev.weft.examples.common.DirectoryWalk;
import dev.weft.examples.common.UnlistableDirectoryException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One external command per file, in parallel, each cached on its own. In Python this is a pool
 * mapping {@code subprocess.run} over the files, and a rerun runs every command again; here
 * {@link #outputs} is a fan-out task whose elements are cached one by one, under the command, the
 * task's code and the file's path, size and modification time. A rerun with nothing changed runs
 * no command; changing one file runs one.
 *
 * <p>The annotation processor checks this graph when the class compiles and generates {@code
 * ShellCommandsFlow}, with a typed key per task and input.
 */
public class ShellCommands {
  /**
   * Every regular file under {@code directory}, in path order, with its size and time.
   *
   * @throws UnlistableDirectoryException if a directory under it cannot be listed. It is not
   *     skipped: the outputs would look complete while files were missing.
   * @throws IOException if a file's size or time cannot be read
   */
  @Task
  public List<InputFile> files(@Input Path directory) throws IOException {
    List<Path> paths = DirectoryWalk.regularFiles(directory);
    List<InputFile> files = new ArrayList<>(paths.size());
    for (Path path : paths) {
      files.add(InputFile.at(path));
    }
    return files;
  }

  /**
   * Runs {@code command} on one file, with {@code shell}; runs once per file, in parallel. A
   * command that exits with a status other than 0 fails its element with a {@link
   * CommandFailedException}.
   */
  @Task
  public CommandOutput outputs(@Each("files") InputFile file, @Input String command,
      @Input(key = false) Shell shell) throws IOException, InterruptedException {
    return new CommandOutput(file.path(), file.size(), shell.run(command, file.path()));
  }

}
