package dev.weft.examples.shell;

import java.nio.file.Path;

/**
 * What the command printed for one file.
 *
 * @param file the file the command ran on
 * @param size the file's size in bytes
 * @param output the command's standard output, without leading and trailing whitespace
 */
public record CommandOutput(Path file, long size, String output) {}
