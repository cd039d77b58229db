package dev.weft.engine.store;

import com.google.common.hash.HashCode;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where things live under a store's directory, and how folders and temporary files are made.
 *
 * <pre>
 * dir/v1/ac/3f/3fa2…(32 hex digits)     action entries, sharded by the first byte of the key
 * dir/v1/cas/9c/9c01…                   content entries, sharded by the first byte of the digest
 * dir/v1/tmp/cas-4711-…tmp              writes in progress (same file system, so renames are atomic)
 * dir/v1/quarantine/cas-9c01…-….failed  entries that failed verification, kept for inspection
 * </pre>
 *
 * <p>A later, incompatible format gets a new version folder beside {@code v1/} and leaves this
 * one alone. Folders are made owner-only (700) and files owner-only (600) where the file system
 * has POSIX permissions: a cache holds the user's data, and anyone who can write it can plant
 * entries. Shard folders are made on first use, and remade if another process removed them.
 */
final class Layout {
  static final String VERSION_FOLDER = "v1";

  private static final long PID = ProcessHandle.current().pid();

  private final Path root;
  private final Path tmp;
  private final Path quarantine;
  private final FileAttribute<?>[] folderAttributes;
  private final FileAttribute<?>[] fileAttributes;

  private Layout(Path dir, boolean posix) {
    this.root = dir.resolve(VERSION_FOLDER);
    this.tmp = root.resolve("tmp");
    this.quarantine = root.resolve("quarantine");
    this.folderAttributes = posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------"))}
        : new FileAttribute<?>[0];
    this.fileAttributes = posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
  }

  /** Makes (or finds) the folders of a store in {@code dir}. */
  static Layout create(Path dir) throws IOException {
    Path absolute = dir.toAbsolutePath().normalize();
    boolean posix = absolute.getFileSystem().supportedFileAttributeViews().contains("posix");
    Layout layout = new Layout(absolute, posix);
    try {
      for (Kind kind : Kind.values()) {
        layout.createFolder(layout.folder(kind));
      }
      layout.createFolder(layout.tmp);
      layout.createFolder(layout.quarantine);
    } catch (IOException e) {
      throw new IOException("Cannot use " + absolute + " as a cache directory: "
          + Counters.describe(e), e);
    }
    return layout;
  }

  /** The version folder, {@code dir/v1}. */
  Path root() {
    return root;
  }

  /** The folder of all entries of a kind. */
  Path folder(Kind kind) {
    return root.resolve(kind.folder());
  }

  /** The file an entry of this kind and name lives in. */
  Path entry(Kind kind, HashCode name) {
    String hex = name.toString();
    return folder(kind).resolve(hex.substring(0, 2)).resolve(hex);
  }

  /** The folder of writes in progress. */
  Path tmp() {
    return tmp;
  }

  /** The folder of entries that failed verification. */
  Path quarantine() {
    return quarantine;
  }

  /** A fresh, empty, owner-only temporary file for an entry of this kind. */
  Path newTempFile(Kind kind) throws IOException {
    // The pid in the name only helps a person tell whose file it is; the sweep goes by age.
    String prefix = kind.folder() + "-" + PID + "-";
    try {
      return Files.createTempFile(tmp, prefix, ".tmp", fileAttributes);
    } catch (NoSuchFileException e) {
      createFolder(tmp); // someone removed the whole directory under us: make it again
      return Files.createTempFile(tmp, prefix, ".tmp", fileAttributes);
    }
  }

  /** A new name in {@code quarantine/} for a damaged entry of this kind. */
  Path quarantineFileFor(Kind kind, Path entry) throws IOException {
    createFolder(quarantine);
    String unique = System.currentTimeMillis() + "-"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt());
    return quarantine.resolve(kind.folder() + "-" + entry.getFileName() + "-" + unique + ".failed");
  }

  /** Makes a folder (and its parents) owner-only, if it is not there yet. */
  void createFolder(Path folder) throws IOException {
    try {
      Files.createDirectories(folder, folderAttributes);
    } catch (FileAlreadyExistsException e) {
      throw new IOException(e.getFile() + " is in the way of cache folder " + folder
          + ": it exists but is not a directory", e);
    }
  }
}
