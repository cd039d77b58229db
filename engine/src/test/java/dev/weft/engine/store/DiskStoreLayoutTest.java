package dev.weft.engine.store;

import static com.google.common.truth.Truth.assertThat;
import static dev.weft.engine.store.DiskStoreRoundTripTest.list;
import static dev.weft.engine.store.TestValues.digest;
import static dev.weft.engine.store.TestValues.entryFile;
import static dev.weft.engine.store.TestValues.key;
import static dev.weft.engine.store.TestValues.value;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.hash.HashCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented folders, file format and permissions, and the sweep of abandoned files. */
class DiskStoreLayoutTest {
  @TempDir Path temp;

  @Test
  void entries_areFiledAndFormattedAsDocumented() throws IOException {
    Path dir = temp.resolve("cache");
    byte[] value = value(1, 1234);
    try (DiskStore store = DiskStore.open(dir)) {
      assertThat(store.root()).isEqualTo(dir.toAbsolutePath().resolve("v1"));
      store.putContent(value);
      store.putAction(key("k"), digest(value));
    }

    ByteBuffer content = ByteBuffer.wrap(Files.readAllBytes(entryFile(dir, "cas", digest(value))));
    assertHeader(content, 'C', 1234, digest(value), digest(value));
    assertThat(Arrays.copyOfRange(content.array(), 48, content.capacity())).isEqualTo(value);

    ByteBuffer action = ByteBuffer.wrap(Files.readAllBytes(entryFile(dir, "ac", key("k"))));
    byte[] payload = digest(value).asBytes();
    assertHeader(action, 'A', 16, key("k"), digest(payload));
    assertThat(Arrays.copyOfRange(action.array(), 48, action.capacity())).isEqualTo(payload);
  }

  private static void assertHeader(ByteBuffer entry, char kind, long length, HashCode name,
      HashCode checksum) {
    assertThat(new String(entry.array(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("WEFT");
    assertThat(entry.getShort(4)).isEqualTo((short) 1);
    assertThat(entry.get(6)).isEqualTo((byte) kind);
    assertThat(entry.get(7)).isEqualTo((byte) 0);
    assertThat(entry.getLong(8)).isEqualTo(length);
    assertThat(HashCode.fromBytes(Arrays.copyOfRange(entry.array(), 16, 32))).isEqualTo(name);
    assertThat(HashCode.fromBytes(Arrays.copyOfRange(entry.array(), 32, 48))).isEqualTo(checksum);
    assertThat(entry.capacity()).isEqualTo(48 + length);
  }

  @Test
  void foldersAndFiles_areOwnerOnly_wherePosix() throws IOException {
    assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "no POSIX permissions on this file system");
    Path dir = temp.resolve("cache");
    byte[] value = value(2, 10);
    try (DiskStore store = DiskStore.open(dir)) {
      store.putContent(value);
      store.putAction(key("k"), digest(value));
    }
    Path cas = entryFile(dir, "cas", digest(value));
    Path ac = entryFile(dir, "ac", key("k"));
    for (Path folder : new Path[] {dir, dir.resolve("v1"), dir.resolve("v1/ac"),
        dir.resolve("v1/cas"), dir.resolve("v1/tmp"), dir.resolve("v1/quarantine"),
        cas.getParent(), ac.getParent()}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
          .isEqualTo("rwx------");
    }
    for (Path file : new Path[] {cas, ac}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void open_sweepsTempFilesOlderThanAnHour_andQuarantineOlderThanAWeek() throws IOException {
    Path dir = temp.resolve("cache");
    DiskStore.open(dir).close();
    Path tmp = dir.resolve("v1/tmp");
    Path quarantine = dir.resolve("v1/quarantine");
    Path abandoned = age(Files.write(tmp.resolve("cas-1-1.tmp"), new byte[100]), Duration.ofHours(2));
    Path abandonedFolder = age(Files.createDirectories(tmp.resolve("odd")), Duration.ofHours(2));
    Path inProgress = age(Files.write(tmp.resolve("cas-2-2.tmp"), new byte[100]),
        Duration.ofMinutes(50));
    Path oldFailed = age(Files.write(quarantine.resolve("cas-x-1.failed"), new byte[1]),
        Duration.ofDays(8));
    Path recentFailed = age(Files.write(quarantine.resolve("cas-y-1.failed"), new byte[1]),
        Duration.ofDays(6));

    DiskStore.open(dir).close();

    assertThat(list(tmp)).containsExactly(inProgress);
    assertThat(list(quarantine)).containsExactly(recentFailed);
    assertThat(Files.exists(abandoned, LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.exists(abandonedFolder, LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.exists(oldFailed, LinkOption.NOFOLLOW_LINKS)).isFalse();
  }

  @Test
  void open_refusesAFileInTheWay() throws IOException {
    Path file = Files.write(temp.resolve("cache"), new byte[1]);
    IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> DiskStore.open(file));
    assertThat(e).hasMessageThat()
        .startsWith("Cannot use " + file.toAbsolutePath() + " as a cache directory: ");
  }

  static Path age(Path file, Duration age) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
    return file;
  }
}
