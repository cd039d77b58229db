package dev.weft.examples.gather;

/**
 * A page fetched from the server.
 *
 * @param path its path on the server, relative to the root: {@code java.base/LICENSE}
 * @param bytes the size of its body
 * @param lines how many lines its body has: its line feeds, plus one if the last line has none
 */
public record Page(String path, int bytes, int lines) {
  /** The page at {@code path}, whose body is {@code body}. */
  static Page of(String path, byte[] body) {
    int lines = 0;
    for (byte b : body) {
      if (b == '\n') {
        lines++;
      }
    }
    if (body.length > 0 && body[body.length - 1] != '\n') {
      lines++;
    }
    return new Page(path, body.length, lines);
  }
}
