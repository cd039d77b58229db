package dev.weft.engine.store;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.hash.HashCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The disk tier's storage: an action cache (128-bit cache key → 128-bit output digest) over a
 * content-addressed store (digest → bytes), in one directory, as Bazel's {@code --disk_cache}.
 * It stores bytes; serializing values and computing keys are its callers' business.
 *
 * <p><b>Reads never fail.</b> An entry that is absent, truncated, altered, emptied, unreadable or
 * not a file is a miss: every read checks the entry's header and checksum (and, for content,
 * that the bytes hash to the digest they are filed under), and a damaged entry is moved to
 * {@code quarantine/}, counted in {@link Stats#quarantined()} and logged once at WARN, naming
 * the file and what was wrong. An action entry whose content is gone is a miss too.
 *
 * <p><b>Writes never throw.</b> Each goes to a temporary file and is renamed into place
 * atomically, so no reader anywhere sees part of an entry. Nothing is forced to disk: an entry
 * that a power loss leaves torn fails its checksum and is a miss (see {@code EntryWriter}). A write that fails (disk full,
 * permissions, an I/O error) is logged at WARN, counted in {@link Stats#storeFailures()}, and
 * reported to the caller: {@link #putAction} returns false, {@link #putContent} a {@link
 * PutResult} that says "not stored".
 *
 * <p><b>Sharing.</b> Any number of threads and processes may use one directory at once, without
 * locks: concurrent writers of one name write identical bytes, and {@link #clear()} and {@link
 * #prune(long)} only ever turn entries into misses. Opening a store sweeps temporary files left
 * by writers that died (older than an hour) and quarantined files older than a week.
 *
 * <p>Closing releases nothing on disk (no files are held open between calls); it makes every
 * later call fail with {@link IllegalStateException}, as using a closed store is a bug.
 */
public final class DiskStore implements AutoCloseable {
  private final Layout layout;
  private final Counters counters = new Counters();
  private final Quarantine quarantine;
  private final EntryWriter writer;
  private final Pruner pruner;
  private volatile boolean closed;

  private DiskStore(Layout layout) {
    this.layout = layout;
    this.quarantine = new Quarantine(layout, counters);
    this.writer = new EntryWriter(layout, quarantine, counters);
    this.pruner = new Pruner(layout, quarantine);
  }

  /**
   * Opens the store in {@code dir}, making its folders (owner-only, where the file system has
   * POSIX permissions) if they are not there, and sweeping abandoned temporary files.
   *
   * @throws IOException if the folders cannot be made, e.g. because a file is in the way
   */
  public static DiskStore open(Path dir) throws IOException {
    Layout layout = Layout.create(dir);
    Sweeper.sweep(layout);
    return new DiskStore(layout);
  }

  /** The folder this store keeps its entries in ({@code dir/v1}). */
  public Path root() {
    return layout.root();
  }

  /**
   * The output digest recorded for a cache key, if there is a valid entry for the key and the
   * content it names is present. A hit marks both entries as recently used.
   */
  public Optional<HashCode> action(HashCode key) {
    checkName(key, "key");
    Path file = layout.entry(Kind.ACTION, key);
    EntryReader.Result read = EntryReader.read(Kind.ACTION, key, file);
    if (read instanceof EntryReader.Found found) {
      // The action entry before its content, as Bazel does; pruning goes by content alone.
      Recency.markUsed(file, found.attributes());
      HashCode digest = HashCode.fromBytes(found.payload());
      if (contentFile(digest, true)) {
        counters.actionHits.increment();
        return Optional.of(digest);
      }
    } else if (read instanceof EntryReader.Damaged damaged) {
      quarantine.isolate(Kind.ACTION, file, damaged.reason(), damaged.fileKey());
    }
    counters.actionMisses.increment();
    return Optional.empty();
  }

  /**
   * Records that {@code key}'s output is the content {@code digest}. Store the content first: an
   * action entry whose content is missing reads as a miss. Replaces an earlier entry for the key.
   *
   * @return true if the entry is stored; false if the write failed (logged and counted)
   */
  public boolean putAction(HashCode key, HashCode digest) {
    checkName(key, "key");
    checkName(digest, "digest");
    byte[] payload = digest.asBytes();
    return writer.write(Kind.ACTION, key, payload, EntryFormat.HASH.hashBytes(payload));
  }

  /**
   * The bytes stored under {@code digest}, verified against it; empty if they are absent or
   * damaged. A hit marks the entry as recently used.
   */
  public Optional<byte[]> content(HashCode digest) {
    checkName(digest, "digest");
    Path file = layout.entry(Kind.CONTENT, digest);
    EntryReader.Result read = EntryReader.read(Kind.CONTENT, digest, file);
    if (read instanceof EntryReader.Found found) {
      Recency.markUsed(file, found.attributes());
      counters.contentHits.increment();
      return Optional.of(found.payload());
    }
    if (read instanceof EntryReader.Damaged damaged) {
      quarantine.isolate(Kind.CONTENT, file, damaged.reason(), damaged.fileKey());
    }
    counters.contentMisses.increment();
    return Optional.empty();
  }

  /**
   * Stores {@code bytes} under their digest, the murmur3_128 hash of the bytes. Content already
   * present under that digest is not written again, only marked as recently used.
   *
   * @return the digest, and whether the bytes are stored (false if the write failed; logged and
   *     counted). The digest is the same either way.
   */
  public PutResult putContent(byte[] bytes) {
    checkOpen();
    HashCode digest = EntryFormat.HASH.hashBytes(bytes);
    if (writer.alreadyStored(digest, bytes.length)) {
      return new PutResult(digest, true);
    }
    return new PutResult(digest, writer.write(Kind.CONTENT, digest, bytes, digest));
  }

  /**
   * A stream to write one value into, for values too large to hold as one array; see {@link
   * ContentWriter}. Close it (with try-with-resources) whether or not it was committed.
   */
  public ContentWriter openContentWriter() {
    checkOpen();
    return new ContentWriter(layout, writer, counters);
  }

  /**
   * Whether content is stored under {@code digest}: a cheap check that a file of plausible size
   * is there, which neither verifies it nor counts as a use. {@link #content} may still miss.
   */
  public boolean hasContent(HashCode digest) {
    checkName(digest, "digest");
    return contentFile(digest, false);
  }

  /**
   * Hits, misses, quarantined entries and store failures of this store object, and the number
   * and size of the entries now in the directory (found by listing it, so it costs a look at
   * every entry file; a folder that cannot be listed is logged and counted as empty).
   */
  public Stats stats() {
    checkOpen();
    Pruner.Census census = pruner.census();
    return counters.snapshot(census.entries(), census.bytes());
  }

  /**
   * Removes every entry (and the quarantine). Safe while other processes use the directory: their
   * reads of removed entries miss, and their writes in progress complete; so an entry written
   * while {@code clear} runs may survive it.
   *
   * @throws IOException if some files could not be removed (after removing all others)
   */
  public void clear() throws IOException {
    checkOpen();
    pruner.clear();
    Sweeper.sweep(layout);
  }

  /**
   * Removes content least recently used first (by the modification time that reads move forward,
   * at most once a minute) until action and content entries total at most {@code maxBytes}, then
   * removes the action entries whose content is gone. Safe while other processes use the
   * directory: an entry used after the pruning looked at it is kept, and a reader that loses an
   * entry sees a miss.
   *
   * @return the number of bytes removed (lengths of the deleted entry files)
   * @throws IOException if some files could not be removed (after removing what it could)
   */
  public long prune(long maxBytes) throws IOException {
    checkArgument(maxBytes >= 0, "maxBytes must not be negative, but was %s", maxBytes);
    checkOpen();
    long removed = pruner.prune(maxBytes);
    Sweeper.sweep(layout);
    return removed;
  }

  /** Closes this store object; the directory and its entries stay. Idempotent. */
  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "DiskStore[" + layout.root() + "]";
  }

  private boolean contentFile(HashCode digest, boolean markUsed) {
    Path file = layout.entry(Kind.CONTENT, digest);
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      boolean plausible = attributes.isRegularFile()
          && attributes.size() >= EntryFormat.HEADER_BYTES;
      if (plausible && markUsed) {
        Recency.markUsed(file, attributes);
      }
      return plausible;
    } catch (IOException e) {
      return false;
    }
  }

  private void checkName(HashCode name, String what) {
    checkOpen();
    checkArgument(name.bits() == 128, "a %s must have 128 bits, but %s has %s", what, name,
        name.bits());
  }

  private void checkOpen() {
    checkState(!closed, "%s is closed", this);
  }
}
