package dev.weft.engine.caching;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.engine.Inputs;
import dev.weft.engine.Weft;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A cache holds the user's data: the directory Weft makes for it is owner-only. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CacheDirPermissionsTest {
  @TempDir Path temp;

  @Test
  void theCacheDirectory_isMadeOwnerOnly() throws IOException {
    assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "the file system has no POSIX permissions");
    Path dir = temp.resolve("made-by-weft");
    try (Weft weft = Weft.builder().parallelism(1).cacheDir(dir).build()) {
      CachePipelines.Resume p = new CachePipelines.Resume();
      Results.run(weft, p.flow, Inputs.of(p.n, 10), p.report);
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    // And everything inside it: folders 700, files 600.
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        assertWithMessage("%s", path).that(mode)
            .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
      }
    }
  }

  @Test
  void aNestedCacheDirectory_isMadeOwnerOnly() throws IOException {
    assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "the file system has no POSIX permissions");
    Path dir = temp.resolve("a").resolve("b").resolve("cache");
    try (Weft weft = Weft.builder().parallelism(1).cacheDir(dir).build()) {
      assertThat(weft.cache().directory()).isPresent();
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
  }
}
