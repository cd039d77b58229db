package dev.weft.examples.shell;

import dev.weft.Each;
import dev.weft.Input;
import dev.weft.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
   * @throws IOException if a directory under it cannot be listed; the message names that
   *     directory. It is not skipped: the outputs would look complete while files were missing.
   */
  @Task
  public List<InputFile> files(@Input Path directory) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(directory)) {
      paths = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    } catch (UncheckedIOException e) { // how the stream reports a subdirectory it cannot list
      throw cannotList(directory, e.getCause());
    } catch (IOException e) { // directory itself
      throw cannotList(directory, e);
    }
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

  /**
   * {@code cannot list the directory /d/private: permission denied; make it readable (chmod u+rx
   * /d/private) or pass a directory that does not contain it}.
   */
  static IOException cannotList(Path directory, IOException cause) {
    Path at = cause instanceof FileSystemException f && f.getFile() != null
        ? Path.of(f.getFile()) : directory;
    String why = cause instanceof AccessDeniedException ? "permission denied"
        : cause instanceof FileSystemException f && f.getReason() != null ? f.getReason()
        : cause.toString();
    return new IOException("cannot list the directory " + at + ": " + why
        + (cause instanceof AccessDeniedException ? "; make it readable (chmod u+rx " + at + ")"
            + (at.equals(directory) ? "" : " or pass a directory that does not contain it")
            : ""), cause);
  }
}
