package dev.weft.engine.store;

import static com.google.common.truth.Truth.assertThat;
import static dev.weft.engine.store.DiskStoreRoundTripTest.list;
import static dev.weft.engine.store.TestValues.digest;
import static dev.weft.engine.store.TestValues.entryFile;
import static dev.weft.engine.store.TestValues.key;
import static dev.weft.engine.store.TestValues.value;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.hash.HashCode;
import dev.weft.engine.LogCapture;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that fails is reported to its caller, counted and logged — never thrown, never silent. */
class DiskStoreFailureTest {
  @TempDir Path dir;

  @Test
  void putContent_whenItsShardIsAFile_isNotStored_countedAndLogged() throws IOException {
    byte[] value = value(1, 1000);
    HashCode digest = digest(value);
    Path entry = entryFile(dir, "cas", digest);
    try (DiskStore store = DiskStore.open(dir)) {
      Files.write(entry.getParent(), new byte[] {1});

      try (LogCapture log = LogCapture.of("dev.weft.engine.store.")) {
        assertThat(store.putContent(value)).isEqualTo(new PutResult(digest, false));
        assertThat(log.warnings()).hasSize(1);
        assertThat(log.warnings().get(0))
            .contains("Could not store content " + digest + " at " + entry + ": ");
        assertThat(log.warnings().get(0)).contains("; it stays uncached");
      }
      assertThat(store.stats().storeFailures()).isEqualTo(1);
      assertThat(list(dir.resolve("v1/tmp"))).isEmpty();

      Files.delete(entry.getParent());
      assertThat(store.putContent(value).stored()).isTrue();
      assertThat(store.content(digest).orElseThrow()).isEqualTo(value);
    }
  }

  @Test
  void putAction_whenItsShardIsAFile_returnsFalse_countedAndLogged() throws IOException {
    Path entry = entryFile(dir, "ac", key("k"));
    try (DiskStore store = DiskStore.open(dir)) {
      Files.write(entry.getParent(), new byte[] {1});

      try (LogCapture log = LogCapture.of("dev.weft.engine.store.")) {
        assertThat(store.putAction(key("k"), digest(new byte[0]))).isFalse();
        assertThat(log.warnings()).hasSize(1);
        assertThat(log.warnings().get(0))
            .contains("Could not store action entry for key " + key("k") + " at " + entry);
      }
      assertThat(store.stats().storeFailures()).isEqualTo(1);
      assertThat(list(dir.resolve("v1/tmp"))).isEmpty();
    }
  }

  @Test
  void streamedContent_whenItsShardIsAFile_isNotStored_withItsDigest() throws IOException {
    byte[] value = value(2, 1 << 20);
    HashCode digest = digest(value);
    try (DiskStore store = DiskStore.open(dir)) {
      Files.write(entryFile(dir, "cas", digest).getParent(), new byte[] {1});
      PutResult result;
      try (LogCapture log = LogCapture.of("dev.weft.engine.store."); ContentWriter writer = store.openContentWriter()) {
        writer.write(value);
        result = writer.commit();
        assertThat(log.warnings()).hasSize(1);
      }
      assertThat(result).isEqualTo(new PutResult(digest, false));
      assertThat(store.stats().storeFailures()).isEqualTo(1);
      assertThat(list(dir.resolve("v1/tmp"))).isEmpty();
    }
  }

  @Test
  void everyWrite_whenTmpIsAFile_fails_allCounted_firstLogged_thenRecovers() throws IOException {
    byte[] value = value(3, 1000);
    try (DiskStore store = DiskStore.open(dir)) {
      Path tmp = dir.resolve("v1/tmp");
      Files.delete(tmp);
      Files.write(tmp, new byte[] {1});

      try (LogCapture log = LogCapture.of("dev.weft.engine.store.")) {
        assertThat(store.putContent(value)).isEqualTo(new PutResult(digest(value), false));
        assertThat(store.putAction(key("k"), digest(value))).isFalse();
        PutResult streamed;
        try (ContentWriter writer = store.openContentWriter()) {
          writer.write(value); // does not throw: the failure was reported when the file failed
          streamed = writer.commit();
        }
        assertThat(streamed).isEqualTo(new PutResult(digest(value), false));
        // Three failures, one warning: a full disk must not print a warning per write.
        assertThat(log.warnings()).hasSize(1);
        assertThat(log.warnings().get(0)).contains("Could not store content " + digest(value));
      }
      assertThat(store.stats().storeFailures()).isEqualTo(3);

      Files.delete(tmp); // gone altogether: the next write makes it again
      assertThat(store.putContent(value).stored()).isTrue();
      assertThat(store.putAction(key("k"), digest(value))).isTrue();
      assertThat(store.action(key("k"))).hasValue(digest(value));
    }
  }

  @Test
  void putContent_whenCasIsReadOnly_isNotStored_countedAndLogged() throws IOException {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "no POSIX permissions on this file system");
    byte[] value = value(4, 1000);
    try (DiskStore store = DiskStore.open(dir)) {
      Path cas = dir.resolve("v1/cas");
      Files.setPosixFilePermissions(cas, PosixFilePermissions.fromString("r-x------"));
      try {
        assumeFalse(canWriteIn(cas), "this process writes in read-only folders (root?)");
        try (LogCapture log = LogCapture.of("dev.weft.engine.store.")) {
          assertThat(store.putContent(value)).isEqualTo(new PutResult(digest(value), false));
          assertThat(log.warnings()).hasSize(1);
          assertThat(log.warnings().get(0)).contains("Could not store content " + digest(value));
        }
        assertThat(store.stats().storeFailures()).isEqualTo(1);
        assertThat(list(dir.resolve("v1/tmp"))).isEmpty();
      } finally {
        Files.setPosixFilePermissions(cas, PosixFilePermissions.fromString("rwx------"));
      }
    }
  }

  private static boolean canWriteIn(Path folder) throws IOException {
    try {
      Files.delete(Files.createFile(folder.resolve("probe")));
      return true;
    } catch (AccessDeniedException e) {
      return false;
    }
  }
}
