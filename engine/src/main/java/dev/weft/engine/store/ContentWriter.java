package dev.weft.engine.store;

import static com.google.common.base.Preconditions.checkPositionIndexes;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hasher;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * Streams a value into a {@link DiskStore}, hashing it on the way, so that a large value need not
 * be held in memory as one array: a serializer writes into it, then {@link #commit()} names the
 * content by its digest and puts it in place. Equivalent to {@link DiskStore#putContent(byte[])}
 * on the same bytes, with the same digest.
 *
 * <p>Writes never throw: a store failure part way (disk full, an I/O error, a value larger than
 * {@link #MAX_BYTES}) is logged and counted when it happens, the rest of the bytes are only
 * hashed, and {@code commit} reports the value as not stored — with its digest all the same.
 * {@link #close()} without {@code commit} abandons the value and leaves nothing behind, which is
 * how a caller whose serializer failed part way backs out. Not safe for use by several threads.
 */
public final class ContentWriter extends OutputStream {
  /** The largest value the store holds: one that a reader can hold in one array. */
  public static final long MAX_BYTES = EntryFormat.MAX_PAYLOAD_BYTES;

  private final Layout layout;
  private final EntryWriter writer;
  private final Counters counters;
  private final Hasher hasher = EntryFormat.HASH.newHasher();
  private final byte[] buffer = new byte[EntryReader.CHUNK_BYTES];
  private int buffered;
  private long length;
  private @Nullable Path tmp;
  private @Nullable FileChannel channel;
  private boolean done;

  ContentWriter(Layout layout, EntryWriter writer, Counters counters) {
    this.layout = layout;
    this.writer = writer;
    this.counters = counters;
    try {
      tmp = layout.newTempFile(Kind.CONTENT);
      channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
      channel.position(EntryFormat.HEADER_BYTES); // the header is written last, once it is known
    } catch (IOException e) {
      fail(e);
    }
  }

  /** Adds one byte to the value. */
  @Override
  public void write(int b) {
    if (!done && channel != null && buffered < buffer.length && length < MAX_BYTES) {
      hasher.putByte((byte) b); // the common case without an array per byte
      buffer[buffered++] = (byte) b;
      length++;
    } else {
      write(new byte[] {(byte) b}, 0, 1);
    }
  }

  /** Adds bytes to the value. */
  @Override
  public void write(byte[] bytes, int offset, int count) {
    checkPositionIndexes(offset, offset + count, bytes.length);
    checkState(!done, "this ContentWriter was already committed or closed");
    hasher.putBytes(bytes, offset, count);
    length += count;
    if (channel == null) {
      return;
    }
    if (length > MAX_BYTES) {
      fail(new IOException("the value is larger than the " + MAX_BYTES + " bytes an entry holds"));
      return;
    }
    if (buffered + count <= buffer.length) {
      System.arraycopy(bytes, offset, buffer, buffered, count);
      buffered += count;
      return;
    }
    try {
      flushBuffer(channel);
      for (int at = offset; at < offset + count; at += buffer.length) {
        int slice = Math.min(buffer.length, offset + count - at);
        EntryWriter.writeFully(channel, ByteBuffer.wrap(bytes, at, slice));
      }
    } catch (IOException e) {
      fail(e);
    }
  }

  /**
   * Ends the value and stores it under its digest; returns the digest and whether it was stored.
   * May be called once; {@link #close()} afterwards does nothing.
   */
  public PutResult commit() {
    checkState(!done, "this ContentWriter was already committed or closed");
    done = true;
    HashCode digest = hasher.hash();
    FileChannel open = channel;
    if (open == null) {
      return new PutResult(digest, false); // failed earlier; logged and counted then
    }
    try (open) {
      flushBuffer(open);
      EntryWriter.writeFully(open, EntryFormat.header(Kind.CONTENT, digest, length, digest), 0);
    } catch (IOException e) {
      fail(e);
      return new PutResult(digest, false);
    }
    channel = null;
    if (writer.alreadyStored(digest, length)) {
      EntryWriter.deleteQuietly(tmp);
      return new PutResult(digest, true);
    }
    try {
      writer.publish(Kind.CONTENT, digest, requireTmp());
      return new PutResult(digest, true);
    } catch (IOException e) {
      EntryWriter.deleteQuietly(tmp);
      counters.storeFailed("content " + digest, layout.entry(Kind.CONTENT, digest), e);
      return new PutResult(digest, false);
    }
  }

  /** Abandons the value unless it was committed, deleting its temporary file. */
  @Override
  public void close() {
    if (!done) {
      done = true;
      discard();
    }
  }

  private void flushBuffer(FileChannel open) throws IOException {
    EntryWriter.writeFully(open, ByteBuffer.wrap(buffer, 0, buffered));
    buffered = 0;
  }

  private void fail(IOException e) {
    counters.storeFailed("a streamed value", tmp == null ? layout.tmp() : tmp, e);
    discard();
  }

  private void discard() {
    FileChannel open = channel;
    channel = null;
    if (open != null) {
      try {
        open.close();
      } catch (IOException e) {
        // the file is deleted next anyway
      }
    }
    EntryWriter.deleteQuietly(tmp);
  }

  private Path requireTmp() {
    if (tmp == null) {
      throw new IllegalStateException("no temporary file");
    }
    return tmp;
  }
}
