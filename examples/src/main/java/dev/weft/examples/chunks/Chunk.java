package dev.weft.examples.chunks;

import java.nio.file.Path;

/**
 * One byte range of a file, the unit of work of {@link ChunkPipeline}: the {@code length} bytes
 * of {@code file} from {@code offset} on.
 *
 * @param index the chunk's position among the file's chunks, from 0
 * @param file the file
 * @param offset where the chunk starts, in bytes from the start of the file
 * @param length how many bytes it has; 0 when the file has fewer bytes than chunks
 */
public record Chunk(int index, Path file, long offset, long length) {}
