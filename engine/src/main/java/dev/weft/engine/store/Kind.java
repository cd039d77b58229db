package dev.weft.engine.store;

/**
 * The two kinds of entry a {@link DiskStore} keeps, each in its own folder with its own tag in
 * the entry header, so that an action entry copied into the content folder (or the reverse) fails
 * verification instead of being read as the other kind.
 */
enum Kind {
  /** Cache key → output digest; the payload is the 16 bytes of the digest. */
  ACTION("ac", (byte) 'A'),
  /** Digest → value bytes; the file is named after the murmur3_128 hash of its payload. */
  CONTENT("cas", (byte) 'C');

  private final String folder;
  private final byte tag;

  Kind(String folder, byte tag) {
    this.folder = folder;
    this.tag = tag;
  }

  /** The folder under the version folder that holds entries of this kind. */
  String folder() {
    return folder;
  }

  /** The byte that identifies this kind in an entry header. */
  byte tag() {
    return tag;
  }
}
