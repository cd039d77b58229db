package dev.weft.engine.values;

import com.google.common.hash.Funnels;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import com.google.common.hash.PrimitiveSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes the canonical encoding of a {@link Path}: its absolute normalized form, then what is
 * there, by metadata or by content.
 *
 * <ul>
 *   <li>Nothing there (or a broken link): the path alone.
 *   <li>A regular file: its size and last-modified time; by content, a hash of its bytes and their
 *       count instead, so that touching a file does not invalidate and a same-size edit within
 *       the file system's time resolution does.
 *   <li>A directory: every entry below it, links followed, sorted by relative name: directories
 *       by name, files as above, anything else (a pipe, a device) by size and time and never
 *       read, a link back to an ancestor as a marked entry. The cost is one {@code stat} per
 *       entry, plus reading every file by content: fingerprint the files a task reads rather
 *       than a large tree above them.
 * </ul>
 */
final class PathFingerprints {

  private static final byte MISSING = 0;
  private static final byte FILE = 1;
  private static final byte DIRECTORY = 2;
  private static final byte OTHER = 3;
  private static final byte LOOP = 4;
  private static final byte BY_METADATA = 10;
  private static final byte BY_CONTENT = 11;

  private PathFingerprints() {}

  static void write(Path path, boolean byContent, PrimitiveSink sink) throws NotFingerprintable {
    Path absolute = path.toAbsolutePath().normalize();
    Scalars.putText(sink, absolute.getFileSystem().provider().getScheme());
    Scalars.putText(sink, absolute.toString());
    sink.putByte(byContent ? BY_CONTENT : BY_METADATA);
    try {
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
      } catch (NoSuchFileException missing) {
        sink.putByte(MISSING);
        return;
      }
      if (attributes.isDirectory()) {
        writeDirectory(absolute, byContent, sink);
      } else {
        writeEntry(absolute, kind(attributes), attributes, byContent, sink);
      }
    } catch (IOException e) {
      throw new NotFingerprintable(Texts.join("cannot read ", absolute, " (", e,
          "); make it readable, or mark the tasks that read it uncached"));
    }
  }

  private static void writeDirectory(Path root, boolean byContent, PrimitiveSink sink)
      throws IOException {
    List<Entry> entries = list(root);
    sink.putByte(DIRECTORY).putInt(entries.size());
    for (Entry entry : entries) {
      Scalars.putText(sink, entry.name());
      BasicFileAttributes attributes = entry.attributes();
      if (attributes == null) {
        sink.putByte(LOOP);
      } else {
        writeEntry(entry.path(), kind(attributes), attributes, byContent, sink);
      }
    }
  }

  private static void writeEntry(Path path, byte kind, BasicFileAttributes attributes,
      boolean byContent, PrimitiveSink sink) throws IOException {
    sink.putByte(kind);
    if (kind == DIRECTORY) {
      return; // its entries follow in the listing; its own time only echoes them
    }
    if (kind == FILE && byContent) {
      Hasher content = Hashing.murmur3_128().newHasher();
      long length;
      try (InputStream in = Files.newInputStream(path)) {
        length = in.transferTo(Funnels.asOutputStream(content));
      }
      sink.putBytes(content.hash().asBytes()).putLong(length);
    } else {
      putTime(sink, attributes.lastModifiedTime());
      sink.putLong(attributes.size());
    }
  }

  private static byte kind(BasicFileAttributes attributes) {
    return attributes.isRegularFile() ? FILE : attributes.isDirectory() ? DIRECTORY : OTHER;
  }

  private static void putTime(PrimitiveSink sink, FileTime time) {
    Instant instant = time.toInstant();
    sink.putLong(instant.getEpochSecond()).putInt(instant.getNano());
  }

  /** Lists every entry below {@code root}, sorted by its name relative to {@code root}. */
  private static List<Entry> list(Path root) throws IOException {
    List<Entry> entries = new ArrayList<>();
    Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            if (!dir.equals(root)) {
              entries.add(new Entry(relativeName(root, dir), dir, attributes));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            entries.add(new Entry(relativeName(root, file), file, attributes));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof FileSystemLoopException) {
              entries.add(new Entry(relativeName(root, file), file, null));
            } else if (!(e instanceof NoSuchFileException)) { // deleted while listed: not there
              throw e;
            }
            return FileVisitResult.CONTINUE;
          }
        });
    Collections.sort(entries);
    return entries;
  }

  /** Joins the names with '/', whatever the platform's separator, so the order is the same. */
  private static String relativeName(Path root, Path entry) {
    StringBuilder name = new StringBuilder();
    for (Path part : root.relativize(entry)) {
      name.append(name.length() == 0 ? "" : "/").append(part);
    }
    return name.toString();
  }

  /** An entry of a directory listing; {@code attributes} is null for a link to an ancestor. */
  private record Entry(String name, Path path, @Nullable BasicFileAttributes attributes)
      implements Comparable<Entry> {
    @Override
    public int compareTo(Entry other) {
      return name.compareTo(other.name);
    }
  }
}
