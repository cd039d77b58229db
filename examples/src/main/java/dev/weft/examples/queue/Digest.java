package dev.weft.examples.queue;

import java.nio.file.Path;

/**
 * What one job of {@link FileDigests} computes for one file.
 *
 * @param file the file
 * @param bytes its size in bytes
 * @param lines its newline characters, as {@code wc -l} counts lines
 * @param sha256 the SHA-256 of its content, in lower-case hexadecimal, as {@code sha256sum}
 *     prints it
 */
public record Digest(Path file, long bytes, long lines, String sha256) {}
