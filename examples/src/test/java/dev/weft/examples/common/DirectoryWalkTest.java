package dev.weft.examples.common;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryWalkTest {
  @TempDir Path dir;

  @Test
  void regularFiles_inPathOrder_linksToFilesIncluded_linksToDirectoriesNotFollowed()
      throws IOException {
    Files.createDirectories(dir.resolve("b/c"));
    Files.writeString(dir.resolve("b/c/z.txt"), "z");
    Files.writeString(dir.resolve("a.txt"), "a");
    Files.createSymbolicLink(dir.resolve("b/link.txt"), dir.resolve("a.txt"));
    Files.createSymbolicLink(dir.resolve("b/loop"), dir); // followed, it would never end

    assertThat(DirectoryWalk.regularFiles(dir)).containsExactly(dir.resolve("a.txt"),
        dir.resolve("b/c/z.txt"), dir.resolve("b/link.txt")).inOrder();
    assertThat(DirectoryWalk.regularFiles(dir, p -> p.toString().endsWith("z.txt")))
        .containsExactly(dir.resolve("b/c/z.txt"));
  }

  @Test
  void unlistableSubdirectory_isAnUnlistableDirectoryExceptionNamingIt() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "a");
    Path hidden = Files.createDirectory(dir.resolve("locked"));
    try (LockedDirectory lock = LockedDirectory.lock(hidden)) {
      Path locked = lock.path();
      UnlistableDirectoryException e = assertThrows(UnlistableDirectoryException.class,
          () -> DirectoryWalk.regularFiles(dir));

      assertThat(e).hasMessageThat().isEqualTo("cannot list directory " + locked
          + ": permission denied; make it readable (chmod u+rx " + locked
          + ") or pass a directory without it");
      assertThat(e).hasCauseThat().isInstanceOf(AccessDeniedException.class);
    }
  }

  @Test
  void message_namesTheDirectoryOfTheCause_elseTheRoot() {
    Path root = Path.of("/data");

    assertThat(new UnlistableDirectoryException(root, new AccessDeniedException("/data/locked")))
        .hasMessageThat().isEqualTo("cannot list directory /data/locked: permission denied;"
            + " make it readable (chmod u+rx /data/locked) or pass a directory without it");
    assertThat(new UnlistableDirectoryException(root,
        new NoSuchFileException("/data/gone", null, "removed while listed")))
        .hasMessageThat().isEqualTo("cannot list directory /data/gone (NoSuchFileException:"
            + " removed while listed); pass a directory that can be listed");
    assertThat(new UnlistableDirectoryException(root, new IOException("I/O error")))
        .hasMessageThat().isEqualTo("cannot list directory /data (java.io.IOException: I/O"
            + " error); pass a directory that can be listed");
  }
}
